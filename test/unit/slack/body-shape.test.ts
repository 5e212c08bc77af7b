import { describe, expect, it } from 'vitest';
import { malformedBodyReason } from '../../../src/slack/body-shape.js';
import blockActions from '../../fixtures/slack/block-actions.json' with { type: 'json' };
import globalShortcut from '../../fixtures/slack/global-shortcut.json' with { type: 'json' };
import messageShortcut from '../../fixtures/slack/message-shortcut.json' with { type: 'json' };
import slashCommand from '../../fixtures/slack/slash-command.json' with { type: 'json' };
import viewSubmission from '../../fixtures/slack/view-submission.json' with { type: 'json' };

const FORM = 'application/x-www-form-urlencoded';
const payload = (value: unknown) => new URLSearchParams({ payload: JSON.stringify(value) }).toString();

describe('malformedBodyReason', () => {
  it.each([
    ['block_actions', payload(blockActions)],
    ['view_submission', payload(viewSubmission)],
    ['a global shortcut', payload(globalShortcut)],
    ['a message shortcut', payload(messageShortcut)],
    ['a slash command', new URLSearchParams(slashCommand).toString()],
    ['an SSL check', 'ssl_check=1&token=x'],
    ['an interaction type the bot does not use', payload({ type: 'block_suggestion', value: 'a' })],
  ])('accepts %s as Slack sends it', (_what, body) => {
    expect(malformedBodyReason(FORM, body)).toBeUndefined();
  });

  it.each([
    ['an event callback', { type: 'event_callback', event: { type: 'app_home_opened' } }],
    ['a URL verification', { type: 'url_verification', challenge: 'abc' }],
    ['a rate-limit notice', { type: 'app_rate_limited', minute_rate_limited: 1 }],
  ])('accepts %s as JSON', (_what, body) => {
    expect(malformedBodyReason('application/json', JSON.stringify(body))).toBeUndefined();
  });

  it.each([
    ['payload=null', FORM, payload(null), 'payload is not a JSON object'],
    ['payload=[]', FORM, payload([]), 'payload is not a JSON object'],
    ['payload without a type', FORM, payload({ user: { id: 'U1' } }), 'payload has no type'],
    [
      'actions: null',
      FORM,
      payload({ ...blockActions, actions: null }),
      'block_actions payload is missing fields',
    ],
    [
      'actions: []',
      FORM,
      payload({ ...blockActions, actions: [] }),
      'block_actions payload is missing fields',
    ],
    [
      'no user',
      FORM,
      payload({ ...blockActions, user: undefined }),
      'block_actions payload is missing fields',
    ],
    [
      'a view without state',
      FORM,
      payload({ ...viewSubmission, view: { callback_id: 'x' } }),
      'view_submission payload is missing fields',
    ],
    ['not JSON', FORM, 'payload=%7B', 'payload is not JSON'],
    ['a form with neither payload nor command', FORM, 'user_id=U1', 'form is not a slash command'],
    ['a JSON null body', 'application/json', 'null', 'body is not a JSON object'],
    ['a JSON array body', 'application/json', '[]', 'body is not a JSON object'],
    [
      'an event callback without its event',
      'application/json',
      '{"type":"event_callback"}',
      'event_callback without an event',
    ],
    [
      'a form sent with a charset (Bolt parses it as JSON)',
      `${FORM}; charset=utf-8`,
      'payload=%7B%7D',
      'body is not JSON',
    ],
  ])('refuses %s', (_what, contentType, body, reason) => {
    expect(malformedBodyReason(contentType, body)).toBe(reason);
  });
});
