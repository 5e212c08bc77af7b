/** Modals (role="dialog"), the App Home tab, and the side panel of Admin API calls. Pure. */
import type { AdminOperation, Json, OpenModal, PersonSnapshot } from '../workspace/types.js';
import { textObject } from './block-parts.js';
import { renderBlocks } from './blocks.js';
import { isObject, objects } from './json.js';
import type { RenderContext } from './mrkdwn.js';
import { h, textOf, type VNode } from './vnode.js';

/** A modal as Slack shows it: title and ×, blocks with labelled inputs and inline errors, Close and Submit. */
export const modalDialog = (modal: OpenModal & { readonly depth: number }, ctx: RenderContext): VNode => {
  const v = modal.view;
  const title = textOf(textObject(v.title, ctx));
  const hasInputs = objects(v.blocks).some((b) => b.type === 'input');
  return h(
    'div',
    { class: 'modal-backdrop' },
    h(
      'div',
      {
        class: 'modal',
        role: 'dialog',
        'aria-modal': 'true',
        'aria-labelledby': 'modal-title',
        'data-surface': 'modal',
        'data-view': String(v.id),
      },
      h(
        'form',
        { class: 'modal-form', 'data-view': String(v.id), novalidate: true },
        h(
          'header',
          { class: 'modal-header' },
          h('h2', { id: 'modal-title' }, title),
          modal.depth > 1 ? h('span', { class: 'depth' }, `${modal.depth} open`) : null,
          // Slack's × in the corner: closes like the Close button and Esc (view_closed when notify_on_close).
          h(
            'button',
            {
              type: 'button',
              class: 'modal-x',
              'aria-label': 'Close dialog',
              title: 'Close (Esc)',
              'data-modal-close': String(v.id),
            },
            '×',
          ),
        ),
        h(
          'div',
          { class: 'modal-body' },
          renderBlocks(objects(v.blocks), {
            ctx,
            surface: 'modal',
            idPrefix: `v${String(v.id)}`,
            errors: modal.errors,
          }),
        ),
        h(
          'footer',
          { class: 'modal-footer' },
          h(
            'button',
            { type: 'button', class: 'bk-button', 'data-modal-close': String(v.id) },
            isObject(v.close) ? textOf(textObject(v.close, ctx)) : 'Close',
          ),
          isObject(v.submit) || hasInputs
            ? h(
                'button',
                { type: 'submit', class: 'bk-button primary' },
                isObject(v.submit) ? textOf(textObject(v.submit, ctx)) : 'Submit',
              )
            : null,
        ),
      ),
    ),
  );
};

export const homeTab = (home: Json | undefined, ctx: RenderContext): VNode =>
  home === undefined
    ? h(
        'div',
        { class: 'home', role: 'tabpanel', 'aria-label': 'Home' },
        h('p', { class: 'empty' }, 'Loading the Home tab…'),
      )
    : h(
        'div',
        { class: 'home', role: 'tabpanel', 'aria-label': 'Home', 'data-surface': 'home' },
        renderBlocks(objects(home.blocks), { ctx, surface: 'home', idPrefix: 'home' }),
      );

const json = (value: unknown): string => JSON.stringify(value, null, 2);

const operation = (op: AdminOperation, s: PersonSnapshot): VNode => {
  const actor = op.actor ? (s.people.find((p) => p.id === op.actor)?.realName ?? op.actor) : undefined;
  return h(
    'li',
    { class: `op ${op.kind}${op.ok ? '' : ' failed'}`, 'data-seq': op.seq },
    h(
      'details',
      {},
      h(
        'summary',
        {},
        h('span', { class: 'op-kind' }, op.kind),
        ' ',
        h('strong', {}, op.operationName),
        actor ? h('span', { class: 'op-actor' }, ` for ${actor}`) : null,
        op.ok ? null : h('span', { class: 'op-error' }, ' — error'),
      ),
      h('h4', {}, 'Variables'),
      h('pre', { class: 'op-json' }, json(op.variables)),
      h('h4', {}, 'Authgear answered'),
      h('pre', { class: 'op-json' }, json(op.answer)),
    ),
  );
};

export const operationsPanel = (s: PersonSnapshot): VNode =>
  h(
    'aside',
    { class: 'ops', 'aria-labelledby': 'ops-title' },
    h('h2', { id: 'ops-title' }, 'What reached Authgear'),
    h(
      'p',
      { class: 'ops-note' },
      'Each Admin API call the bot made, newest first, with its variables and the answer. Passwords and codes are masked.',
    ),
    s.operations.length === 0
      ? h('p', { class: 'empty' }, 'Nothing yet. Look someone up: /authgear user alice@example.com')
      : h(
          'ol',
          { class: 'op-list', 'aria-label': 'Admin API calls' },
          s.operations.map((op) => operation(op, s)),
        ),
  );
