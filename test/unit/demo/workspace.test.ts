import { beforeEach, describe, expect, it } from 'vitest';
import type { Json } from '../../../demo/workspace/types.js';
import { createWorkspace, type Workspace } from '../../../demo/workspace/workspace.js';
import type { RecordedCall } from '../../fakes/slack/index.js';

const BOT = 'U0BOT';
let ws: Workspace;
let ts = 0;
let changes = 0;

const call = (method: string, args: Json, response: Json = {}, ok = true): RecordedCall => ({
  method,
  args,
  token: 'xoxb',
  at: 0,
  status: 200,
  response: { ok, ...response },
  ok,
});
const apply = (c: RecordedCall) => ws.apply({ kind: 'call', call: c });
/** A response_url post Slack accepted (the fake records no refused one). */
const respond = (id: string, body: Json) => ws.apply({ kind: 'response', response: { id, body, at: 0 } });
const section = (text: string) => [{ type: 'section', text: { type: 'mrkdwn', text } }];
const texts = (channel: string, person: string) => ws.visibleIn(channel, person).map((m) => m.text);

beforeEach(() => {
  ws = createWorkspace({
    botUserId: BOT,
    dmChannelFor: (u) => `D${u.slice(1)}`,
    nextTs: () => `100.${++ts}`,
  });
  changes = 0;
  ws.onChange(() => changes++);
});

describe('the demo workspace follows what the bot sent to Slack', () => {
  it('shows channel posts to everyone, in arrival order, with Slack-made block_ids, and DMs by user ID', () => {
    apply(
      call(
        'chat.postMessage',
        { channel: 'C0OPS', text: 'one', blocks: section('one') },
        { channel: 'C0OPS', ts: '1.1' },
      ),
    );
    apply(call('chat.postMessage', { channel: 'U0SAM', text: 'dm' }, { channel: 'D0SAM', ts: '1.2' }));
    expect(texts('C0OPS', 'U0VIC')).toEqual(['one']);
    expect(ws.visibleIn('C0OPS', 'U0VIC')[0]?.blocks[0]?.block_id).toEqual(expect.any(String));
    expect(texts('D0SAM', 'U0SAM')).toEqual(['dm']);
    expect(changes).toBe(2);
  });

  it('leaves out, for a page loaded later, the ephemerals that arrived before it, and keeps stored messages', () => {
    apply(call('chat.postMessage', { channel: 'C0OPS', text: 'stored' }, { channel: 'C0OPS', ts: '1.1' }));
    apply(
      call(
        'chat.postEphemeral',
        { channel: 'C0OPS', user: 'U0SAM', text: 'old psst' },
        { message_ts: '1.2' },
      ),
    );
    ws.echoCommand('U0SAM', 'C0OPS', '/authgear help');
    const reloaded = ws.horizon();
    apply(
      call(
        'chat.postEphemeral',
        { channel: 'C0OPS', user: 'U0SAM', text: 'new psst' },
        { message_ts: '1.3' },
      ),
    );
    const visible = (horizon?: number) => ws.visibleIn('C0OPS', 'U0SAM', horizon).map((m) => m.text);
    expect(visible()).toEqual(['stored', 'old psst', '/authgear help', 'new psst']);
    expect(visible(reloaded)).toEqual(['stored', 'new psst']);
    // An update keeps a message's arrival: a stored message replaced after the load still shows.
    apply(
      call(
        'chat.update',
        { channel: 'C0OPS', ts: '1.1', text: 'stored, edited' },
        { channel: 'C0OPS', ts: '1.1' },
      ),
    );
    expect(visible(reloaded)).toEqual(['stored, edited', 'new psst']);
  });

  it('shows an ephemeral only to its recipient, and ignores calls Slack refused', () => {
    apply(
      call('chat.postEphemeral', { channel: 'C0OPS', user: 'U0SAM', text: 'psst' }, { message_ts: '1.3' }),
    );
    apply(
      call('chat.postMessage', { channel: 'C0NOTIN', text: 'refused' }, { error: 'not_in_channel' }, false),
    );
    expect(texts('C0OPS', 'U0SAM')).toEqual(['psst']);
    expect(ws.visibleIn('C0OPS', 'U0SAM')[0]?.visibleTo).toBe('U0SAM');
    expect(texts('C0OPS', 'U0VIC')).toEqual([]);
    expect(texts('C0NOTIN', 'U0VIC')).toEqual([]);
  });

  it('updates a message in place and deletes it', () => {
    apply(call('chat.postMessage', { channel: 'C0A', text: 'first' }, { channel: 'C0A', ts: '1.1' }));
    apply(call('chat.postMessage', { channel: 'C0A', text: 'second' }, { channel: 'C0A', ts: '1.2' }));
    apply(call('chat.update', { channel: 'C0A', ts: '1.1', text: 'first, edited' }));
    expect(texts('C0A', 'U0X')).toEqual(['first, edited', 'second']);
    apply(call('chat.delete', { channel: 'C0A', ts: '1.2' }));
    expect(texts('C0A', 'U0X')).toEqual(['first, edited']);
  });

  it('puts response_url answers where the interaction happened: new ephemeral, replace, delete, in_channel', () => {
    ws.rememberOrigin('cmd', { personId: 'U0SAM', channelId: 'C0OPS' });
    respond('cmd', { text: 'card', response_type: 'ephemeral' });
    const card = ws.visibleIn('C0OPS', 'U0SAM')[0];
    expect(card?.visibleTo).toBe('U0SAM');
    ws.rememberOrigin('click', { personId: 'U0SAM', channelId: 'C0OPS', messageKey: card?.key });
    respond('click', { text: 'card, replaced', replace_original: true });
    expect(texts('C0OPS', 'U0SAM')).toEqual(['card, replaced']);
    respond('click', { text: 'for all', response_type: 'in_channel' });
    expect(texts('C0OPS', 'U0VIC')).toEqual(['for all']);
    respond('click', { delete_original: true });
    expect(texts('C0OPS', 'U0SAM')).toEqual(['for all']);
    respond('unknown-id', { text: 'nobody asked' });
    expect(texts('C0OPS', 'U0SAM')).toEqual(['for all']);
  });

  it('opens a modal for the person whose trigger_id it used, updates, pushes and closes it', () => {
    ws.rememberTrigger('T1', 'U0SAM');
    apply(
      call('views.open', { trigger_id: 'T1', view: {} }, { view: { id: 'V1', type: 'modal', blocks: [] } }),
    );
    apply(call('views.open', { trigger_id: 'T-unknown', view: {} }, { view: { id: 'V9', type: 'modal' } }));
    expect(ws.modals('U0SAM').map((m) => m.view.id)).toEqual(['V1']);
    expect(ws.modals('U0VIC')).toEqual([]);
    apply(
      call('views.update', { view_id: 'V1', view: {} }, { view: { id: 'V1', type: 'modal', title: 'new' } }),
    );
    expect(ws.modals('U0SAM')[0]?.view.title).toBe('new');
    ws.applySubmission(
      'U0SAM',
      'V1',
      { response_action: 'errors', errors: { reason: 'Give a reason.' } },
      () => 'VX',
    );
    expect(ws.modals('U0SAM')[0]?.errors).toEqual({ reason: 'Give a reason.' });
    ws.applySubmission('U0SAM', 'V1', { response_action: 'push', view: { type: 'modal' } }, () => 'V2');
    expect(ws.modals('U0SAM').map((m) => m.view.id)).toEqual(['V1', 'V2']);
    ws.applySubmission('U0SAM', 'V2', undefined, () => 'VX');
    expect(ws.modals('U0SAM').map((m) => m.view.id)).toEqual(['V1']);
    ws.applySubmission(
      'U0SAM',
      'V1',
      { response_action: 'update', view: { type: 'modal', title: 'u' } },
      () => 'VX',
    );
    expect(ws.modals('U0SAM')[0]?.view).toMatchObject({ id: 'V1', title: 'u' });
    ws.applySubmission('U0SAM', 'V1', { response_action: 'clear' }, () => 'VX');
    expect(ws.modals('U0SAM')).toEqual([]);
  });

  it('keeps each person’s App Home as the bot last published it', () => {
    apply(
      call(
        'views.publish',
        { user_id: 'U0ADA', view: {} },
        { view: { id: 'VH0ADA', type: 'home', blocks: [] } },
      ),
    );
    expect(ws.home('U0ADA')?.id).toBe('VH0ADA');
    expect(ws.home('U0SAM')).toBeUndefined();
  });

  it('shows a person’s slash command to them alone, and their messages to everyone', () => {
    ws.echoCommand('U0SAM', 'C0OPS', '/authgear help');
    ws.postAsPerson('U0SAM', 'C0OPS', 'hello');
    expect(texts('C0OPS', 'U0SAM')).toEqual(['/authgear help', 'hello']);
    expect(texts('C0OPS', 'U0VIC')).toEqual(['hello']);
  });
});
