import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELP_TOPICS } from '../../src/blocks/help.js';
import { PEOPLE, startTestApp, type TestApp } from '../support/app.js';
import { blockTextLength, checkMessageBlocks } from '../support/block-kit.js';

let t: TestApp;
let aliceId: string;

beforeAll(async () => {
  t = await startTestApp();
  // A project whose users sign in with emails, phone numbers and usernames (Authgear's default is email only).
  t.authgear.store.configure({ loginIdKeys: ['email', 'phone', 'username'] });
  const alice = t.authgear.store.addUser({
    email: 'alice@example.com',
    name: 'Alice <b>Doe</b>',
    username: 'alice',
  });
  aliceId = alice.id;
  t.authgear.store.addUser({ email: 'bob@example.com', phone: '+15551234567', name: 'Bob' });
  t.slack.addUser({ id: 'U0ALICE', name: 'alice', email: 'alice@example.com' });
});
afterAll(async () => t.stop());

const textOf = (body: Record<string, unknown>) => JSON.stringify(body);

/** Every mrkdwn string in a message: where Slack would interpret `<…>` and `&`. */
const mrkdwnTexts = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.flatMap(mrkdwnTexts);
  if (typeof value !== 'object' || value === null) return [];
  const o = value as Record<string, unknown>;
  const own = o.type === 'mrkdwn' && typeof o.text === 'string' ? [o.text] : [];
  return [...own, ...Object.values(o).flatMap(mrkdwnTexts)];
};

describe('/authgear user', () => {
  it('answers a lookup by email with the user card through the response URL', async () => {
    const res = await t.driver.slashCommand({ userId: PEOPLE.viewer, text: 'user alice@example.com' });
    expect(res.status).toBe(200);
    const body = await t.response(res.responseUrlId);
    expect(body.response_type).toBe('ephemeral');
    expect(textOf(body)).toContain('alice@example.com');
    expect(body.text).toContain('Alice &lt;b&gt;Doe&lt;/b&gt;');
    expect(mrkdwnTexts(body).join('\n')).not.toContain('<b>');
    const last = t.authgear.requests.at(-1);
    expect(last?.operationName).toBe('GetUsersByStandardAttribute');
    expect(last?.variables).toEqual({ attributeName: 'email', attributeValue: 'alice@example.com' });
    expect(last?.jwt.claims.aud).toBe('test-project');
    expect(last?.jwt.claims.audit_context).toMatchObject({ slack_user_id: PEOPLE.viewer });
    expect(t.slack.violations).toEqual([]);
  });

  it.each([
    ['an email (Slack sends it as <mailto:…>)', 'alice@example.com'],
    ['a username', 'alice'],
    ['a Slack mention (Slack sends <@U0ALICE|alice>)', '@alice'],
  ])('finds the user by %s', async (_name, who) => {
    const res = await t.driver.slashCommand({ userId: PEOPLE.viewer, text: `user ${who}` });
    const body = await t.response(res.responseUrlId);
    expect(textOf(body)).toContain('alice@example.com');
  });

  it('finds a user by phone number and by UUID', async () => {
    const byPhone = await t.driver.slashCommand({ userId: PEOPLE.viewer, text: 'user +15551234567' });
    expect(textOf(await t.response(byPhone.responseUrlId))).toContain('bob@example.com');
    const uuid =
      t.authgear.store.users().find((u) => u.standardAttributes.email === 'alice@example.com')?.id ?? '';
    const byId = await t.driver.slashCommand({ userId: PEOPLE.viewer, text: `user ${uuid}` });
    expect(textOf(await t.response(byId.responseUrlId))).toContain('alice@example.com');
    expect(aliceId).toBe(uuid);
  });

  it('politely refuses a person without any role, saying why', async () => {
    const res = await t.driver.slashCommand({ userId: PEOPLE.nobody, text: 'user alice@example.com' });
    const body = await t.response(res.responseUrlId);
    expect(textOf(body)).toMatch(/don't have a role in the Authgear bot's policy/);
    expect(textOf(body)).not.toContain('alice@example.com');
  });

  it('says plainly when nobody matches', async () => {
    const res = await t.driver.slashCommand({ userId: PEOPLE.viewer, text: 'user nobody@example.com' });
    expect(textOf(await t.response(res.responseUrlId))).toContain('No Authgear user matches');
  });

  it('answers help in the ack itself, listing only what this person may do', async () => {
    const res = await t.driver.slashCommand({ userId: PEOPLE.viewer, text: 'help' });
    expect(res.status).toBe(200);
    expect(res.body).toContain('`user`');
    expect(res.body).toContain('help lookup');
    expect(res.body).not.toContain('disable');
    const topic = await t.driver.slashCommand({ userId: PEOPLE.viewer, text: 'help lookup' });
    expect(topic.body).toContain('user &lt;who&gt;');
    const none = await t.driver.slashCommand({ userId: PEOPLE.nobody, text: '' });
    expect(none.body).toContain("don't have access");
  });

  it("explains one command, and says so when a command is not this person's", async () => {
    const verb = await t.driver.slashCommand({ userId: PEOPLE.admin, text: 'help disable' });
    expect(verb.body).toContain('disable &lt;who&gt;');
    expect(verb.body).toContain('user.disable');
    const denied = await t.driver.slashCommand({ userId: PEOPLE.viewer, text: 'help disable' });
    expect(denied.body).toContain('not among the commands your role allows');
    // Someone with no role at all is told so, and whom to ask, not that their role leaves it out.
    const roleless = await t.driver.slashCommand({ userId: PEOPLE.nobody, text: 'help disable' });
    expect(roleless.body).toContain("You don't have a role in the Authgear bot's policy yet");
    expect(roleless.body).toContain('Ask an Authgear bot admin to add you to a role in the policy file');
    expect(roleless.body).not.toContain('your role allows');
    const unknown = await t.driver.slashCommand({ userId: PEOPLE.viewer, text: 'help teleport' });
    expect(unknown.body).toContain('no topic or command');
  });

  it("keeps an admin's help overview and every topic within Slack's limits for one message", async () => {
    const pages = ['help', ...Object.keys(HELP_TOPICS).map((topic) => `help ${topic}`)];
    for (const text of pages) {
      const res = await t.driver.slashCommand({ userId: PEOPLE.admin, text });
      const body = res.json as { blocks: unknown };
      expect(checkMessageBlocks(body.blocks), text).toEqual([]);
      expect(blockTextLength(body.blocks), text).toBeLessThan(10_000);
      expect(JSON.stringify(body.blocks), text).not.toMatch(/…and \d+ more/);
    }
  });
});
