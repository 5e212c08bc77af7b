import { describe, expect, it } from 'vitest';
import { encodeNodeId } from '../../../src/authgear/node-id.js';
import { fromSlackText } from '../../../src/slack/text.js';
import { parseWho } from '../../../src/users/who.js';

const uuid = '0f1e2d3c-4b5a-4968-8776-655443322110';

describe('parseWho', () => {
  it.each([
    ['alice@example.com', { kind: 'email', email: 'alice@example.com' }],
    ['Alice@Example.COM', { kind: 'email', email: 'alice@example.com' }],
    ['+15551234567', { kind: 'phone', phone: '+15551234567' }],
    ['<@U0ALICE|alice>', { kind: 'slack', slackUserId: 'U0ALICE' }],
    ['<@U0ALICE>', { kind: 'slack', slackUserId: 'U0ALICE' }],
    [uuid, { kind: 'node', nodeId: encodeNodeId('User', uuid) }],
    [encodeNodeId('User', uuid), { kind: 'node', nodeId: encodeNodeId('User', uuid) }],
    ['alice_w', { kind: 'username', username: 'alice_w' }],
    ['oauth:google:1098765432', { kind: 'oauth', alias: 'google', subject: '1098765432' }],
    ['OAuth:azureadv2:a1b2-c3:d4', { kind: 'oauth', alias: 'azureadv2', subject: 'a1b2-c3:d4' }],
  ])('reads %s', (token, expected) => {
    expect(parseWho(token)).toEqual(expected);
  });

  it.each([
    '',
    '   ',
    '<!channel>',
    '<!here>',
    '名前',
    'a b',
    'x'.repeat(400),
    '") { deleteUser }',
    encodeNodeId('Group', uuid),
    'oauth:google:',
    'oauth::1098765432',
  ])('refuses %s', (token) => {
    expect(parseWho(token)).toBeUndefined();
  });

  it.each([
    ['<mailto:alice@example.com|alice@example.com>', { kind: 'email', email: 'alice@example.com' }],
    ['<tel:+15551234567|+1 555 123 4567>', { kind: 'phone', phone: '+15551234567' }],
    ['<@U0ALICE|alice>', { kind: 'slack', slackUserId: 'U0ALICE' }],
  ])('reads what Slack sent for %s once decoded', (sent, expected) => {
    expect(parseWho(fromSlackText(sent))).toEqual(expected);
  });

  it.each([
    '<#C0OPS|ops>',
    '<https://x.example|label>',
    '<https://x.example>',
    '<!channel>',
    '<!subteam^S1|@ops>',
  ])('does not take %s, once decoded, for a user', (sent) => {
    expect(parseWho(fromSlackText(sent))).toBeUndefined();
  });
});
