/**
 * Button values and modal metadata exactly as the current version posts them, collected from the real views.
 * test/unit/blocks/payloads.test.ts decodes them; to save them as golden samples (after adding a codec, or before
 * changing what a view posts), run `npx tsx test/support/payload-samples.ts` and add its new lines to
 * test/fixtures/payloads/golden.json. Never edit or remove a saved sample: Slack keeps those messages.
 */
import { pathToFileURL } from 'node:url';
import { newApprovalRecord } from '../../src/approvals/record.js';
import { accessList, groupCard } from '../../src/blocks/access-cards.js';
import { actionForm } from '../../src/blocks/action-form.js';
import { approvalCard, decisionModal } from '../../src/blocks/approval-card.js';
import { requestItem, waitingItem } from '../../src/blocks/approvals-list.js';
import { CallbackIds } from '../../src/blocks/ids.js';
import { confirmationMessage } from '../../src/blocks/messages.js';
import {
  actionFormMetadata,
  buttonCodec,
  type Codec,
  cancelValue,
  confirmationIdValue,
  decisionFormMetadata,
  secretIdValue,
} from '../../src/blocks/payloads.js';
import { searchResults, userPicker } from '../../src/blocks/search.js';
import { secretReadyMessage } from '../../src/blocks/secret.js';
import { userCard } from '../../src/blocks/user-card.js';
import { sessionsMessage } from '../../src/queries/sessions.js';
import { approvalRequest } from './approvals.js';
import { conn, makeUser } from './authgear-user.js';

export interface PayloadSample {
  /** Where it was found: `button <action_id>` or `modal <callback_id>`. */
  readonly where: string;
  readonly codec: string;
  readonly text: string;
}

const NOW = new Date('2026-03-01T10:00:00.000Z');
const alice = makeUser({
  id: 'VXNlcjo2ZjFjMWYyZS02YjRkLTRhOGUtOWY1OS0yYjFmNGYzZjBhMTE',
  standardAttributes: { email: 'alice@example.com', name: 'Alice' },
});
const record = newApprovalRecord(approvalRequest(), { id: 'ap_Xk3v9QmZt2Lw', now: NOW, ttlMs: 3_600_000 });

const metadataCodec = (callbackId: string): Codec<unknown> | undefined =>
  callbackId === CallbackIds.actionModal
    ? actionFormMetadata
    : callbackId === CallbackIds.approveModal || callbackId === CallbackIds.rejectModal
      ? decisionFormMetadata
      : undefined;

/** Every button in a view (any depth), as action ID and value. */
const buttonsIn = (node: unknown): { actionId: string; value: string }[] => {
  if (Array.isArray(node)) return node.flatMap(buttonsIn);
  if (typeof node !== 'object' || node === null) return [];
  const o = node as Record<string, unknown>;
  const here =
    o.type === 'button' && typeof o.action_id === 'string' && typeof o.value === 'string'
      ? [{ actionId: o.action_id, value: o.value }]
      : [];
  return [...here, ...Object.values(o).flatMap(buttonsIn)];
};

/** The views the bot posts, with realistic data. */
const views = (): unknown[] => [
  secretReadyMessage('Done.', 'One-time code', NOW, secretIdValue.encode('sv_Xk3v9QmZt2LwAbCdEfGh12')),
  userCard(alice, [{ key: 'disable', label: 'Disable', style: 'danger' }], NOW),
  userPicker([alice], { key: 'disable' }),
  userPicker([alice], {}),
  searchResults(
    'alice',
    {
      users: {
        totalCount: 11,
        pageInfo: { hasNextPage: true, endCursor: 'eyJvZmZzZXQiOjl9' },
        edges: [
          {
            cursor: 'eyJvZmZzZXQiOjB9',
            node: {
              id: alice.id,
              standardAttributes: alice.standardAttributes,
              isDisabled: false,
              lastLoginAt: null,
            },
          },
        ],
      },
    },
    10,
  ),
  accessList(
    'group',
    'ops',
    {
      next: 'eyJvZmZzZXQiOjl9',
      nodes: [{ id: 'R3JvdXA6Zzk', key: 'ops', name: 'Ops', description: null, roles: { totalCount: 1 } }],
    },
    { v: 'groups', a: ['ops', '--after', 'eyJvZmZzZXQiOjl9'] },
  ),
  groupCard(
    {
      __typename: 'Group',
      id: 'R3JvdXA6Zzk',
      key: 'ops',
      name: 'Ops',
      description: null,
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      roles: conn([]),
      users: {
        nodes: [{ id: 'VXNlcjp1MQ', standardAttributes: { email: 'alice@example.com' } }],
        next: 'eyJvZmZzZXQiOjEwfQ',
      },
    },
    [
      { key: 'update-group', label: 'Edit' },
      { key: 'delete-group', label: 'Delete', style: 'danger', preset: { key: 'ops' } },
    ],
    { continued: false, next: { v: 'group', a: ['ops', '--after', 'eyJvZmZzZXQiOjEwfQ'] } },
  ),
  sessionsMessage(
    alice,
    [
      {
        id: 'U2Vzc2lvbjpzMQ',
        type: 'IDP',
        displayName: 'Chrome on macOS',
        applicationName: null,
        lastAccessedAt: NOW.toISOString(),
        lastAccessedByIP: '203.0.113.7',
        createdAt: NOW.toISOString(),
      },
    ],
    1,
    true,
  ),
  confirmationMessage(
    { title: 'Disable user', target: 'Alice', consequences: [], confirmLabel: 'Disable', danger: true },
    {
      confirm: confirmationIdValue.encode('cf_Xk3v9QmZt2LwAbCdEfGh12'),
      cancel: cancelValue.encode('cf_Xk3v9QmZt2LwAbCdEfGh12'),
    },
  ),
  approvalCard(record),
  waitingItem(record),
  requestItem(record),
  actionForm(
    'Disable user',
    'Alice',
    [],
    actionFormMetadata.encode({
      k: 'disable',
      u: alice.id,
      r: 'https://hooks.slack.com/actions/T0/1/abc',
      c: 'C0GENERAL',
    }),
  ),
  decisionModal('reject', decisionFormMetadata.encode({ id: record.id, channelId: 'C0APPROVALS' })),
  decisionModal('approve', decisionFormMetadata.encode({ id: record.id, home: true })),
];

/** Every value the current views post, with the codec that must read it back. */
export const currentSamples = (): PayloadSample[] =>
  views().flatMap((view) => {
    const samples: PayloadSample[] = buttonsIn(view).map((b) => ({
      where: `button ${b.actionId}`,
      codec: buttonCodec(b.actionId)?.name ?? '(none)',
      text: b.value,
    }));
    const v = view as { callback_id?: unknown; private_metadata?: unknown };
    if (typeof v.callback_id === 'string' && typeof v.private_metadata === 'string') {
      samples.push({
        where: `modal ${v.callback_id}`,
        codec: metadataCodec(v.callback_id)?.name ?? '(none)',
        text: v.private_metadata,
      });
    }
    return samples;
  });

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { PAYLOAD_CODECS } = await import('../../src/blocks/payloads.js');
  const lines = currentSamples().map((s) => ({
    codec: s.codec,
    text: s.text,
    value: PAYLOAD_CODECS[s.codec]?.decode(s.text),
  }));
  process.stdout.write(`${JSON.stringify(lines, null, 2)}\n`);
}
