import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { actionFormMetadata } from '../../../src/blocks/payloads.js';
import { encodeNodeId, type FakeUser } from '../../fakes/authgear/index.js';
import { PEOPLE, startTestApp, type TestApp } from '../../support/app.js';
import { formShown } from '../../support/views.js';
import { buttonsOf, buttonValue, confirmAndWait, text } from './helpers.js';

const STANDARD = {
  email: 'alice@example.com',
  name: 'Alice Liddell',
  given_name: 'Alice',
  family_name: 'Liddell',
  nickname: 'al',
  locale: 'en',
};
const CUSTOM = { department: 'Support', level: 3, remote: true };

let t: TestApp;
let alice: FakeUser;
let aliceNode: string;

beforeAll(async () => {
  // A project with all three login ID keys and these custom attributes configured in the Portal (and the
  // bot told about the keys).
  t = await startTestApp({ env: { AUTHGEAR_LOGIN_ID_KEYS: 'email,phone,username' } });
  t.authgear.store.configure({
    loginIdKeys: ['email', 'phone', 'username'],
    customAttributes: [
      { name: 'department', type: 'string' },
      { name: 'level', type: 'integer' },
      { name: 'remote', type: 'boolean' },
    ],
  });
  alice = t.authgear.store.addUser({
    email: STANDARD.email,
    username: 'alice',
    standardAttributes: STANDARD,
    customAttributes: CUSTOM,
    authorizations: [{ clientID: 'crm' }],
  });
  aliceNode = encodeNodeId('User', alice.id);
});
afterAll(async () => t.stop());
beforeEach(() => {
  t.authgear.requests.length = 0;
});

const mutations = () => t.authgear.requests.filter((r) => r.query.trimStart().startsWith('mutation'));

describe('/authgear edit', () => {
  it('confirms, then writes back every attribute with the one edited value changed', async () => {
    const res = await t.driver.slashCommand({
      userId: PEOPLE.support,
      text: 'edit alice@example.com given_name=Alicia',
    });
    const confirmation = await t.response(res.responseUrlId);
    expect(text(confirmation)).toContain('`given_name` → Alicia');
    expect(mutations()).toEqual([]);

    const result = await confirmAndWait(t, PEOPLE.support, confirmation);

    expect(text(result)).toContain('1 attribute changed');
    const [update] = mutations();
    expect(update?.operationName).toBe('UpdateUser');
    expect(update?.variables).toEqual({
      input: {
        userID: aliceNode,
        standardAttributes: { ...STANDARD, preferred_username: 'alice', given_name: 'Alicia' },
        customAttributes: CUSTOM,
      },
    });
    expect(alice.standardAttributes.given_name).toBe('Alicia');
    expect(alice.customAttributes).toEqual(CUSTOM);
    expect(t.slack.violations).toEqual([]);
  });

  it('names the user as they are after the edit, not before', async () => {
    t.authgear.store.addUser({
      email: 'bob-renamed@example.com',
      standardAttributes: { email: 'bob-renamed@example.com', name: 'Bob Builder' },
    });
    const res = await t.driver.slashCommand({
      userId: PEOPLE.support,
      text: 'edit bob-renamed@example.com name=Robert',
    });
    const result = await confirmAndWait(t, PEOPLE.support, await t.response(res.responseUrlId));
    expect(text(result)).toContain('Updated Robert &lt;bob-renamed@example.com&gt;: 1 attribute changed');
    expect(text(result)).not.toContain('Bob Builder');
  });

  it('refuses a viewer and sends nothing to Authgear', async () => {
    const res = await t.driver.slashCommand({
      userId: PEOPLE.viewer,
      text: 'edit alice@example.com nickname=x',
    });
    const body = await t.response(res.responseUrlId);
    expect(text(body)).toMatch(/doesn't allow/);
    expect(text(body)).not.toContain('confirm_action');
    expect(mutations()).toEqual([]);
    expect(alice.standardAttributes.nickname).toBe('al');
  });

  it('opens a prefilled form that carries the version the person saw', async () => {
    const res = await t.driver.slashCommand({ userId: PEOPLE.support, text: 'edit alice@example.com' });
    const view = (await formShown(t.slack)) as {
      blocks: { block_id?: string; element?: Record<string, unknown> }[];
    };
    const byId = new Map(view.blocks.map((b) => [b.block_id, b]));
    expect(byId.get('name')?.element?.initial_value).toBe('Alice Liddell');
    expect(byId.get('custom.department')?.element?.initial_value).toBe('Support');
    expect(byId.get('expectedUpdatedAt')?.element?.initial_option).toMatchObject({ value: alice.updatedAt });
    expect(res.status).toBe(200);
  });

  it('answers a form with a bad field with response_action errors on that block', async () => {
    const res = await t.driver.viewSubmission({
      userId: PEOPLE.support,
      callbackId: 'action_modal',
      privateMetadata: actionFormMetadata.encode({ k: 'edit', u: aliceNode }),
      values: {
        name: { name: { type: 'plain_text_input', value: 'Alice Liddell' } },
        birthdate: { birthdate: { type: 'plain_text_input', value: 'next tuesday' } },
      },
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      response_action: 'errors',
      errors: { birthdate: expect.stringMatching(/YYYY-MM-DD/) },
    });
    expect(mutations()).toEqual([]);
  });

  it('stops with a conflict when the user changed after the form was opened', async () => {
    const seen = alice.updatedAt;
    alice.updatedAt = new Date(Date.parse(seen) + 60_000).toISOString();
    const res = await t.driver.viewSubmission({
      userId: PEOPLE.support,
      callbackId: 'action_modal',
      privateMetadata: actionFormMetadata.encode({
        k: 'edit',
        u: aliceNode,
        r: t.slack.responseUrl('edit-conflict'),
      }),
      values: {
        nickname: { nickname: { type: 'plain_text_input', value: 'ally' } },
        expectedUpdatedAt: { expectedUpdatedAt: { type: 'static_select', selected_option: { value: seen } } },
      },
      blocks: [
        { type: 'input', block_id: 'nickname', element: { type: 'plain_text_input', action_id: 'nickname' } },
        {
          type: 'input',
          block_id: 'expectedUpdatedAt',
          element: { type: 'static_select', action_id: 'expectedUpdatedAt' },
        },
      ],
    });
    expect(res.status).toBe(200);
    const body = await t.response('edit-conflict');
    expect(text(body)).toContain('changed since you opened this form');
    expect(text(body)).not.toContain('confirm_action');
    expect(mutations()).toEqual([]);
  });
});

describe('/authgear create-user', () => {
  it('shows the generated password to the requester only, once', async () => {
    const res = await t.driver.slashCommand({
      userId: PEOPLE.support,
      text: 'create-user new.hire@example.com --generate-password',
    });
    const result = await confirmAndWait(t, PEOPLE.support, await t.response(res.responseUrlId));
    const [create] = mutations();
    expect(create?.operationName).toBe('CreateUser');
    const password = ((create?.variables.input ?? {}) as { password?: string }).password ?? '';
    expect(create?.variables).toEqual({
      input: {
        definition: { loginID: { key: 'email', value: 'new.hire@example.com' } },
        password,
        setPasswordExpired: true,
      },
    });
    expect(password).toHaveLength(20);
    expect(result.response_type).toBe('ephemeral');
    expect(text(result)).toContain(password);
    const everywhere = text(t.slack.calls.map((c) => c.args)) + t.logs.join('\n');
    expect(everywhere).not.toContain(password);
    expect(t.authgear.store.userByLoginId('email', 'new.hire@example.com')).toBeDefined();
  });
});

describe('/authgear identities', () => {
  it('lists identities with remove buttons that lead to deleteIdentity after Confirm', async () => {
    const res = await t.driver.slashCommand({ userId: PEOPLE.support, text: 'identities alice@example.com' });
    const list = await t.response(res.responseUrlId);
    const usernameIdentity = alice.identities.find((i) => i.loginIdKey === 'username');
    const identityId = encodeNodeId('Identity', usernameIdentity?.id ?? '');
    // Authgear lists identities oldest first, then by ID: two added at once come in ID order.
    const value = buttonsOf(list).find((b) => b.value?.includes(identityId))?.value ?? '';
    expect(JSON.parse(value)).toEqual({ k: 'remove-identity', u: aliceNode, a: { identityId } });

    const start = await t.driver.blockAction({ userId: PEOPLE.support, actionId: 'start_action', value });
    const confirmation = await t.response(start.responseUrlId);
    expect(text(confirmation)).toContain('username alice');
    const result = await confirmAndWait(t, PEOPLE.support, confirmation);

    expect(text(result)).toContain('Removed username alice');
    expect(mutations().map((r) => [r.operationName, r.variables])).toEqual([
      ['DeleteIdentity', { input: { identityID: identityId } }],
    ]);
    expect(alice.identities.map((i) => i.loginIdKey)).toEqual(['email']);
  });

  it('shows a viewer the list without remove buttons', async () => {
    const res = await t.driver.slashCommand({ userId: PEOPLE.viewer, text: 'identities alice@example.com' });
    const list = await t.response(res.responseUrlId);
    expect(text(list)).toContain('alice@example.com');
    expect(text(list)).not.toContain('start_action');
  });

  it('explains kindly that the last identity cannot be removed', async () => {
    const solo = t.authgear.store.addUser({ email: 'solo@example.com' });
    const res = await t.driver.slashCommand({
      userId: PEOPLE.support,
      text: 'remove-identity solo@example.com solo@example.com',
    });
    const result = await confirmAndWait(t, PEOPLE.support, await t.response(res.responseUrlId));
    expect(text(result)).toContain('last identity');
    expect(mutations().map((r) => r.operationName)).toEqual(['DeleteIdentity']);
    expect(solo.identities).toHaveLength(1);
  });
});

describe('/authgear authorizations and mfa', () => {
  it('lists app authorizations and removes one through its button and Confirm', async () => {
    const res = await t.driver.slashCommand({
      userId: PEOPLE.support,
      text: 'authorizations alice@example.com',
    });
    const list = await t.response(res.responseUrlId);
    expect(text(list)).toContain('crm');
    const start = await t.driver.blockAction({
      userId: PEOPLE.support,
      actionId: 'start_action',
      value: buttonValue(list, 'start_action'),
    });
    const confirmation = await t.response(start.responseUrlId);
    expect(text(confirmation)).toContain('The authorization crm is removed');
    const crm = alice.authorizations[0];
    const result = await confirmAndWait(t, PEOPLE.support, confirmation);
    expect(text(result)).toContain('Removed the authorization of crm');
    expect(mutations().map((r) => [r.operationName, r.variables])).toEqual([
      ['DeleteAuthorization', { input: { authorizationID: encodeNodeId('Authorization', crm?.id ?? '') } }],
    ]);
    expect(alice.authorizations).toEqual([]);
  });

  it('lists authenticators with a remove button per authenticator', async () => {
    const res = await t.driver.slashCommand({ userId: PEOPLE.support, text: 'mfa alice@example.com' });
    const list = await t.response(res.responseUrlId);
    const password = alice.authenticators.find((a) => a.type === 'PASSWORD');
    expect(JSON.parse(buttonValue(list, 'start_action'))).toEqual({
      k: 'remove-authenticator',
      u: aliceNode,
      a: { authenticatorId: encodeNodeId('Authenticator', password?.id ?? '') },
    });
  });
});

describe('/authgear add-identity, update-identity and remove-authenticator', () => {
  it('adds a phone login ID with createIdentity after Confirm', async () => {
    const bob = t.authgear.store.addUser({ email: 'bob@example.com' });
    const res = await t.driver.slashCommand({
      userId: PEOPLE.support,
      text: 'add-identity bob@example.com +15550001111',
    });
    const result = await confirmAndWait(t, PEOPLE.support, await t.response(res.responseUrlId));
    expect(text(result)).toContain('+15550001111');
    expect(mutations().map((r) => [r.operationName, r.variables])).toEqual([
      [
        'CreateIdentity',
        {
          input: {
            userID: encodeNodeId('User', bob.id),
            definition: { loginID: { key: 'phone', value: '+15550001111' } },
          },
        },
      ],
    ]);
    expect(bob.identities.map((i) => i.loginIdKey).sort()).toEqual(['email', 'phone']);
  });

  it('changes an email login ID with updateIdentity after Confirm', async () => {
    const carol = t.authgear.store.addUser({ email: 'carol@example.com', username: 'carol' });
    const emailIdentity = carol.identities.find((i) => i.loginIdKey === 'email');
    const res = await t.driver.slashCommand({
      userId: PEOPLE.support,
      text: 'update-identity carol@example.com carol@example.com carol@new.example.com',
    });
    const result = await confirmAndWait(t, PEOPLE.support, await t.response(res.responseUrlId));
    expect(text(result)).toContain('carol@new.example.com');
    expect(mutations().map((r) => [r.operationName, r.variables])).toEqual([
      [
        'UpdateIdentity',
        {
          input: {
            userID: encodeNodeId('User', carol.id),
            identityID: encodeNodeId('Identity', emailIdentity?.id ?? ''),
            definition: { loginID: { key: 'email', value: 'carol@new.example.com' } },
          },
        },
      ],
    ]);
    expect(t.authgear.store.userByLoginId('email', 'carol@new.example.com')?.id).toBe(carol.id);
  });

  it('removes a TOTP authenticator from the mfa list with deleteAuthenticator after Confirm', async () => {
    const dave = t.authgear.store.addUser({ email: 'dave@example.com', totp: true });
    const totp = dave.authenticators.find((a) => a.type === 'TOTP');
    const totpId = encodeNodeId('Authenticator', totp?.id ?? '');
    const list = await t.response(
      (await t.driver.slashCommand({ userId: PEOPLE.support, text: 'mfa dave@example.com' })).responseUrlId,
    );
    const value =
      buttonsOf(list).find((b) => b.action_id?.startsWith('start_action:') && b.value?.includes(totpId))
        ?.value ?? '';
    const start = await t.driver.blockAction({ userId: PEOPLE.support, actionId: 'start_action', value });
    const result = await confirmAndWait(t, PEOPLE.support, await t.response(start.responseUrlId));
    expect(text(result)).toContain('Removed');
    expect(mutations().map((r) => [r.operationName, r.variables])).toEqual([
      ['DeleteAuthenticator', { input: { authenticatorID: totpId } }],
    ]);
    expect(dave.authenticators.some((a) => a.type === 'TOTP')).toBe(false);
  });
});
