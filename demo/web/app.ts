/**
 * The page: follows the demo over Server-Sent Events (a fresh snapshot for the person acted as after every
 * change) and sends what the person does to the demo server, which turns it into what Slack would send the bot.
 */
import type { Conversation, Json, PersonSnapshot } from '../workspace/types.js';
import { conversationHeader, messageList, namesOf, type Selection, sidebar } from './chat-view.js';
import { mount } from './dom.js';
import { type ElementInput, readControl, readViewInputs, type ViewInputs } from './form-values.js';
import { isObject, objects } from './json.js';
import type { RenderContext } from './mrkdwn.js';
import { homeTab, modalDialog, operationsPanel } from './panel-view.js';

const byId = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from index.html`);
  return el as T;
};

const els = {
  acting: byId<HTMLSelectElement>('acting'),
  sidebar: byId('sidebar'),
  header: byId('conv-header'),
  body: byId('conv-body'),
  composer: byId<HTMLFormElement>('composer'),
  message: byId<HTMLTextAreaElement>('message'),
  ops: byId('ops'),
  modalHost: byId('modal-host'),
  toast: byId('toast'),
};

const state: {
  as: string;
  snapshot: PersonSnapshot | undefined;
  selection: Selection;
  seen: Record<string, number>;
  /** Until the first snapshot of a person arrives: what is there then counts as read. */
  fresh: boolean;
  modalKey: string;
  events: EventSource | undefined;
} = {
  as: new URLSearchParams(location.search).get('as') ?? 'U0ADA',
  snapshot: undefined,
  selection: { conversation: 'C0OPS', tab: 'messages' },
  seen: {},
  fresh: true,
  modalKey: '',
  events: undefined,
};

/**
 * This page load, in memory only: a reload makes a new one, so the server leaves out the ephemeral messages that
 * arrived before it (Slack keeps none). getRandomValues works outside secure contexts too (DEMO_HOST on a LAN).
 */
const pageSession = [...crypto.getRandomValues(new Uint8Array(16))]
  .map((b) => b.toString(16).padStart(2, '0'))
  .join('');

/** Stands for "this person's DM with the bot" until their snapshot names it. */
const DM = '@dm';

const toast = (text: string): void => {
  els.toast.textContent = text;
  els.toast.classList.add('shown');
  window.setTimeout(() => els.toast.classList.remove('shown'), 6000);
};

const post = async (path: string, body: Json): Promise<void> => {
  try {
    const res = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer: unknown = await res.json();
    if (!res.ok)
      toast(isObject(answer) && typeof answer.error === 'string' ? answer.error : `HTTP ${res.status}`);
  } catch {
    toast('The demo server did not answer. Is `npm run demo` still running?');
  }
};

const ctxOf = (s: PersonSnapshot): RenderContext => ({
  names: namesOf(s),
  now: new Date(),
  timeZone: undefined,
});

const current = (s: PersonSnapshot): Conversation => {
  const wanted = state.selection.conversation;
  const found = s.conversations.find((c) => (wanted === DM ? c.kind === 'dm' : c.id === wanted));
  if (found && wanted === DM) state.selection = { ...state.selection, conversation: found.id };
  if (found) return found;
  const first = s.conversations[0];
  if (!first) throw new Error('no conversations');
  state.selection = { conversation: first.id, tab: 'messages' };
  return first;
};

const renderModal = (s: PersonSnapshot, ctx: RenderContext): void => {
  const modal = s.modal;
  const key = modal ? `${String(modal.view.id)}|${String(modal.view.hash ?? '')}` : '';
  if (key !== state.modalKey) {
    state.modalKey = key;
    mount(els.modalHost, modal ? [modalDialog(modal, ctx)] : []);
    els.modalHost.querySelector<HTMLElement>('input, textarea, select')?.focus();
  }
  for (const p of els.modalHost.querySelectorAll<HTMLElement>('[data-error-for]')) {
    const error = modal?.errors[p.dataset.errorFor ?? ''];
    p.textContent = error ?? '';
    if (error) p.setAttribute('role', 'alert');
    else p.removeAttribute('role');
    const input = p.parentElement?.querySelector('[data-block-id]');
    if (error) input?.setAttribute('aria-invalid', 'true');
    else input?.removeAttribute('aria-invalid');
  }
};

const render = (s: PersonSnapshot): void => {
  state.snapshot = s;
  const ctx = ctxOf(s);
  if (els.acting.options.length === 0) {
    for (const p of s.people)
      els.acting.append(new Option(`${p.realName} (${p.role})`, p.id, false, p.id === state.as));
  }
  const conv = current(s);
  const unread: Record<string, number> = {};
  for (const c of s.conversations) {
    const count = s.messages[c.id]?.length ?? 0;
    if (state.fresh || (c.id === conv.id && state.selection.tab === 'messages')) state.seen[c.id] = count;
    unread[c.id] = Math.max(0, count - (state.seen[c.id] ?? 0));
  }
  state.fresh = false;
  mount(els.sidebar, sidebar(s, state.selection, unread));
  mount(els.header, conversationHeader(conv, conv.kind === 'dm' ? state.selection.tab : 'messages'));
  const home = conv.kind === 'dm' && state.selection.tab === 'home';
  const atBottom = els.body.scrollHeight - els.body.scrollTop - els.body.clientHeight < 80;
  mount(els.body, home ? homeTab(s.home, ctx) : messageList(conv, s, ctx));
  if (atBottom) els.body.scrollTop = els.body.scrollHeight;
  els.composer.hidden = home;
  const open = new Set(
    [...els.ops.querySelectorAll('details[open]')].map((d) => d.parentElement?.dataset.seq),
  );
  mount(els.ops, operationsPanel(s));
  for (const li of els.ops.querySelectorAll<HTMLElement>('li[data-seq]')) {
    if (open.has(li.dataset.seq)) li.querySelector('details')?.setAttribute('open', '');
  }
  renderModal(s, ctx);
};

const connect = (): void => {
  state.events?.close();
  state.events = new EventSource(
    `/api/events?as=${encodeURIComponent(state.as)}&session=${encodeURIComponent(pageSession)}`,
  );
  state.events.onmessage = (e: MessageEvent<string>) => render(JSON.parse(e.data) as PersonSnapshot);
};

/** Where a clicked control lives: a message (by key), a modal (by view ID) or the Home tab. */
const targetOf = (el: HTMLElement): Json | undefined => {
  const surface = el.closest<HTMLElement>('[data-surface]');
  if (!surface) return undefined;
  if (surface.dataset.surface === 'message') return { kind: 'message', key: surface.dataset.message };
  if (surface.dataset.surface === 'modal') return { kind: 'modal', viewId: surface.dataset.view };
  return { kind: 'home' };
};

const elementJson = (el: HTMLElement, blockIndex: number, elementIndex: number): Json | undefined => {
  const s = state.snapshot;
  const surface = el.closest<HTMLElement>('[data-surface]');
  if (!s || !surface) return undefined;
  const blocks =
    surface.dataset.surface === 'message'
      ? Object.values(s.messages)
          .flat()
          .find((m) => m.key === surface.dataset.message)?.blocks
      : surface.dataset.surface === 'modal'
        ? objects(s.modal?.view.blocks)
        : objects(s.home?.blocks);
  const block = blocks?.[blockIndex];
  if (!block) return undefined;
  return block.type === 'actions'
    ? objects(block.elements)[elementIndex]
    : isObject(block.accessory)
      ? block.accessory
      : undefined;
};

/** Slack's confirmation dialog for elements that carry `confirm`. */
const confirmed = (element: Json | undefined): boolean => {
  const c = element?.confirm;
  if (!isObject(c)) return true;
  const text = (t: unknown, fallback: string) =>
    isObject(t) && typeof t.text === 'string' ? t.text : fallback;
  return window.confirm(`${text(c.title, 'Are you sure?')}\n\n${text(c.text, '')}`);
};

const act = async (el: HTMLElement, input: ElementInput | undefined): Promise<void> => {
  const [blockIndex, elementIndex] = (el.dataset.element ?? '').split(':').map(Number);
  const target = targetOf(el);
  if (!target || blockIndex === undefined || elementIndex === undefined) return;
  if (!confirmed(elementJson(el, blockIndex, elementIndex))) return;
  const form = el.closest<HTMLFormElement>('form.modal-form');
  const values: ViewInputs | undefined = form ? readViewInputs(form) : undefined;
  await post('/api/click', {
    as: state.as,
    target,
    blockIndex,
    elementIndex,
    ...(input ? { input } : {}),
    ...(values ? { values } : {}),
  });
};

document.addEventListener('click', (e) => {
  const el = e.target instanceof HTMLElement ? e.target : undefined;
  const conversation = el?.closest<HTMLElement>('[data-conversation]');
  if (conversation?.dataset.conversation) {
    state.selection = { conversation: conversation.dataset.conversation, tab: 'messages' };
    if (state.snapshot) render(state.snapshot);
    els.message.focus();
    return;
  }
  const tab = el?.closest<HTMLElement>('[data-tab]');
  if (tab?.dataset.tab === 'home' || tab?.dataset.tab === 'messages') {
    state.selection = { ...state.selection, tab: tab.dataset.tab };
    if (state.snapshot) render(state.snapshot);
    if (tab.dataset.tab === 'home') void post('/api/home', { as: state.as });
    return;
  }
  const close = el?.closest<HTMLElement>('[data-modal-close]');
  if (close) {
    void post('/api/close', { as: state.as, viewId: close.dataset.modalClose });
    return;
  }
  const button = el?.closest<HTMLButtonElement>('button[data-element]');
  if (button) void act(button, undefined);
});

document.addEventListener('change', (e) => {
  const el = e.target instanceof HTMLElement ? e.target.closest<HTMLElement>('[data-act="change"]') : null;
  if (el) void act(el, readControl(el));
});

document.addEventListener('submit', (e) => {
  const form = e.target instanceof HTMLFormElement ? e.target : undefined;
  if (!form?.classList.contains('modal-form')) return;
  e.preventDefault();
  void post('/api/submit', { as: state.as, viewId: form.dataset.view, values: readViewInputs(form) });
});

document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && state.snapshot?.modal) {
    void post('/api/close', { as: state.as, viewId: state.snapshot.modal.view.id });
  }
});

els.composer.addEventListener('submit', (e) => e.preventDefault());
els.message.addEventListener('keydown', (e) => {
  if (e.key !== 'Enter' || e.shiftKey) return;
  e.preventDefault();
  const text = els.message.value.trim();
  if (text === '') return;
  els.message.value = '';
  void post('/api/send', { as: state.as, channel: state.selection.conversation, text });
});

els.acting.addEventListener('change', () => {
  state.as = els.acting.value;
  state.seen = {};
  state.fresh = true;
  state.modalKey = '';
  const url = new URL(location.href);
  url.searchParams.set('as', state.as);
  history.replaceState(null, '', url);
  const wasDm =
    state.snapshot?.conversations.find((c) => c.id === state.selection.conversation)?.kind === 'dm';
  if (wasDm) state.selection = { conversation: DM, tab: state.selection.tab };
  connect();
});

connect();
