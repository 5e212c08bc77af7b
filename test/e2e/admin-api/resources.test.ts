import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  addResourceToClientId,
  addScopesToClientId,
  createResource,
  createScope,
  deleteResource,
  deleteScope,
  getResourceNode,
  removeResourceFromClientId,
  removeScopesFromClientId,
  replaceScopesOfClientId,
  searchResources,
  updateResource,
  updateScope,
} from '../../../src/authgear/operations/resources.js';
import { encodeNodeId } from '../../fakes/authgear/index.js';
import { PEOPLE, startTestApp, type TestApp } from '../../support/app.js';
import { runConfirmed } from '../account/flow.js';
import { buttonValue } from '../records/helpers.js';
import { expected, expectSent, mutationsIn, sentSince } from './sent.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.stop());

const store = () => t.authgear.store.resources;
let n = 0;
const freshUri = () => `https://api${++n}.example.com/v1`;
beforeEach(() => {
  t.authgear.store.configure({ oauthClients: ['portal', 'mobile'] });
});
const text = (body: unknown) => JSON.stringify(body);
const ask = async (command: string, userId: string = PEOPLE.admin) => {
  const from = t.authgear.requests.length;
  const res = await t.driver.slashCommand({ userId, text: command });
  return { body: await t.response(res.responseUrlId), sent: sentSince(t, from) };
};

describe('API resources: mutations from Slack', () => {
  it('create-resource sends the URI and name', async () => {
    const uri = freshUri();
    const run = await runConfirmed(t, PEOPLE.admin, `create-resource ${uri} Orders API`);
    expect(text(run.confirmation)).toContain(`\`${uri}\``);
    expectSent(run.mutations, expected(createResource, { input: { resourceURI: uri, name: 'Orders API' } }));
    expect(store().byUri(uri)?.name).toBe('Orders API');
    expect(text(run.result)).toContain(`Created the API resource \`${uri}\` (Orders API)`);
  });

  it.each([
    ['http://api.example.com', 'must start with `https://`'],
    ['https://api.example.com/?v=1', 'cannot have a query'],
    ['https://api.example.com/a/../b', 'cannot have `//`, `/./` or `/../`'],
    [`https://api.example.com/${'x'.repeat(90)}`, 'at most 100 characters'],
  ])('create-resource refuses %s as Authgear would, before sending anything', async (uri, words) => {
    const { body, sent } = await ask(`create-resource ${uri}`);
    expect(text(body)).toContain(words);
    expect(sent).toEqual([]);
  });

  it('create-resource names a URI that already exists', async () => {
    const uri = freshUri();
    store().add({ uri });
    const run = await runConfirmed(t, PEOPLE.admin, `create-resource ${uri}`);
    expect(text(run.result)).toContain(`A resource \`${uri}\` already exists`);
  });

  it('update-resource renames, and --no-name removes the name', async () => {
    const uri = freshUri();
    store().add({ uri, name: 'Old' });
    const rename = await runConfirmed(t, PEOPLE.admin, `update-resource ${uri} Billing API`);
    expectSent(
      rename.mutations,
      expected(updateResource, { input: { resourceURI: uri, name: 'Billing API' } }),
    );
    const clear = await runConfirmed(t, PEOPLE.admin, `update-resource ${uri} --no-name`);
    expectSent(clear.mutations, expected(updateResource, { input: { resourceURI: uri, name: '' } }));
    expect(store().byUri(uri)?.name).toBeNull();
  });

  it('delete-resource deletes it with its scopes, and names an unknown URI', async () => {
    const uri = freshUri();
    store().add({ uri, scopes: ['read'], clients: ['portal'] });
    const run = await runConfirmed(t, PEOPLE.admin, `delete-resource ${uri}`);
    expect(text(run.confirmation)).toContain('danger');
    expectSent(run.mutations, expected(deleteResource, { input: { resourceURI: uri } }));
    expect(store().byUri(uri)).toBeUndefined();
    const again = await runConfirmed(t, PEOPLE.admin, `delete-resource ${uri}`);
    expect(text(again.result)).toContain(`Authgear has no resource \`${uri}\``);
  });

  it('create-scope, update-scope and delete-scope send the resource URI and the scope', async () => {
    const uri = freshUri();
    store().add({ uri });
    const create = await runConfirmed(t, PEOPLE.admin, `create-scope ${uri} orders:read Read orders`);
    expectSent(
      create.mutations,
      expected(createScope, {
        input: { resourceURI: uri, scope: 'orders:read', description: 'Read orders' },
      }),
    );
    const update = await runConfirmed(t, PEOPLE.admin, `update-scope ${uri} orders:read Read every order`);
    expectSent(
      update.mutations,
      expected(updateScope, {
        input: { resourceURI: uri, scope: 'orders:read', description: 'Read every order' },
      }),
    );
    const remove = await runConfirmed(t, PEOPLE.admin, `delete-scope ${uri} orders:read`);
    expectSent(
      remove.mutations,
      expected(deleteScope, { input: { resourceURI: uri, scope: 'orders:read' } }),
    );
    expect(store().scopesOf(store().byUri(uri)?.id ?? '')).toEqual([]);
  });

  it.each([
    ['openid', "is Authgear's own"],
    ['orders\\read', 'can use only printable ASCII'],
  ])('create-scope refuses %s before sending anything', async (scope, words) => {
    const uri = freshUri();
    store().add({ uri });
    const { body, sent } = await ask(`create-scope ${uri} ${scope}`);
    expect(text(body)).toContain(words);
    expect(mutationsIn(sent)).toEqual([]);
  });

  it('add-resource-to-client and remove-resource-from-client link and unlink a client', async () => {
    const uri = freshUri();
    const r = store().add({ uri });
    const add = await runConfirmed(t, PEOPLE.admin, `add-resource-to-client ${uri} portal`);
    expectSent(
      add.mutations,
      expected(addResourceToClientId, { input: { resourceURI: uri, clientID: 'portal' } }),
    );
    expect(store().isLinked('portal', r.id)).toBe(true);
    const remove = await runConfirmed(t, PEOPLE.admin, `remove-resource-from-client ${uri} portal`);
    expect(text(remove.confirmation)).toContain('Authgear keeps its scope grants');
    expectSent(
      remove.mutations,
      expected(removeResourceFromClientId, { input: { resourceURI: uri, clientID: 'portal' } }),
    );
    expect(store().isLinked('portal', r.id)).toBe(false);
  });

  it('names a client the project does not have', async () => {
    const uri = freshUri();
    store().add({ uri });
    const run = await runConfirmed(t, PEOPLE.admin, `add-resource-to-client ${uri} ghost-app`);
    expect(text(run.result)).toContain('This Authgear project has no OAuth client `ghost-app`');
  });

  it('add-, remove- and replace-scopes-of-client send the scopes and say what the client has after', async () => {
    const uri = freshUri();
    store().add({ uri, scopes: ['read', 'write', 'admin'], clients: ['mobile'] });
    const add = await runConfirmed(t, PEOPLE.admin, `add-scopes-to-client ${uri} mobile read, write`);
    expectSent(
      add.mutations,
      expected(addScopesToClientId, {
        input: { resourceURI: uri, clientID: 'mobile', scopes: ['read', 'write'] },
      }),
    );
    expect(text(add.result)).toContain('now has on');
    expect(text(add.result)).toContain('`read`, `write`');
    const remove = await runConfirmed(t, PEOPLE.admin, `remove-scopes-from-client ${uri} mobile read`);
    expectSent(
      remove.mutations,
      expected(removeScopesFromClientId, {
        input: { resourceURI: uri, clientID: 'mobile', scopes: ['read'] },
      }),
    );
    const replace = await runConfirmed(t, PEOPLE.admin, `replace-scopes-of-client ${uri} mobile`);
    expect(text(replace.confirmation)).toContain('loses every scope of this API');
    expectSent(
      replace.mutations,
      expected(replaceScopesOfClientId, { input: { resourceURI: uri, clientID: 'mobile', scopes: [] } }),
    );
    expect(text(replace.result)).toContain('_none_');
  });

  it('tells a person to add the resource to the client before giving it scopes', async () => {
    const uri = freshUri();
    store().add({ uri, scopes: ['read'] });
    const run = await runConfirmed(t, PEOPLE.admin, `add-scopes-to-client ${uri} portal read`);
    expect(text(run.result)).toContain('is not added to the client `portal`');
  });

  it('refuses support, who has no resource.manage, and sends nothing', async () => {
    const { body, sent } = await ask(`create-resource ${freshUri()}`, PEOPLE.support);
    expect(text(body)).toContain("Your role doesn't allow that action");
    expect(sent).toEqual([]);
  });
});

describe('API resources: lists and cards', () => {
  it('resources lists a page with a total, one View button per resource and Next', async () => {
    const tag = `list${++n}`;
    for (let i = 0; i < 11; i++) store().add({ uri: `https://${tag}.example.com/${i}`, scopes: ['read'] });
    const { body, sent } = await ask(`resources ${tag}`);
    expectSent(sent, expected(searchResources, { keyword: tag, clientID: null, first: 10, after: null }));
    expect(text(body)).toContain('*API resources matching “');
    expect(text(body)).toContain('(11)');
    expect(text(body)).toContain('1 scope · no client');
    const next = buttonValue(body, 'access_page', 10);
    const from = t.authgear.requests.length;
    const click = await t.driver.blockAction({ userId: PEOPLE.admin, actionId: 'access_page', value: next });
    const page2 = await t.response(click.responseUrlId);
    expect(sentSince(t, from)[0]?.variables).toMatchObject({
      keyword: tag,
      first: 10,
      after: expect.any(String),
    });
    expect(text(page2)).toContain(`https://${tag}.example.com/0`);
  });

  it('resources --client lists what one client has', async () => {
    const uri = freshUri();
    store().add({ uri, clients: ['portal'] });
    const { sent } = await ask('resources --client portal');
    expectSent(
      sent,
      expected(searchResources, { keyword: null, clientID: 'portal', first: 10, after: null }),
    );
  });

  it('resource <uri> finds the exact URI and shows its scopes, clients and buttons', async () => {
    const uri = freshUri();
    const r = store().add({
      uri,
      name: 'Orders',
      scopes: [{ scope: 'orders:read', description: 'Read orders' }, 'orders:write'],
      clients: ['portal', 'mobile'],
    });
    store().add({ uri: `${uri}/longer` });
    const { body, sent } = await ask(`resource ${uri}`);
    expectSent(
      sent,
      expected(searchResources, { keyword: uri, clientID: null, first: 100, after: null }),
      expected(getResourceNode, { id: encodeNodeId('Resource', r.id), clientID: null }),
    );
    const card = text(body);
    expect(card).toContain('API resource: Orders');
    expect(card).toContain('`orders:read` — Read orders');
    expect(card).toContain('*Scopes (2)*');
    expect(card.match(/"action_id":"start_action:remove-resource-from-client"/g)).toHaveLength(2);
    expect(card).toContain('start_action:delete-resource');
  });

  it("resource <uri> --client shows only that client's scopes", async () => {
    const uri = freshUri();
    const r = store().add({ uri, scopes: ['a', 'b'], clients: ['mobile'] });
    store().grantScope('mobile', store().scope(r.id, 'b')?.id ?? '');
    const { body, sent } = await ask(`resource ${uri} --client mobile`);
    expect(sent.at(-1)?.variables).toEqual({ id: encodeNodeId('Resource', r.id), clientID: 'mobile' });
    expect(text(body)).toContain('*Scopes of client `mobile` (1)*');
  });

  it('the card button deletes the resource after the confirmation', async () => {
    const uri = freshUri();
    store().add({ uri });
    const { body } = await ask(`resource ${uri}`);
    const from = t.authgear.requests.length;
    const click = await t.driver.blockAction({
      userId: PEOPLE.admin,
      actionId: 'start_action:delete-resource',
      value: buttonValue(body, 'start_action:delete-resource'),
    });
    const confirmation = await t.response(click.responseUrlId);
    expect(text(confirmation)).toContain('Delete API resource');
    expect(mutationsIn(sentSince(t, from))).toEqual([]);
  });

  it('says when no resource has that URI', async () => {
    const { body } = await ask('resource https://nothing.example.com');
    expect(text(body)).toContain('Authgear has no API resource `https://nothing.example.com`');
  });

  it('refuses a viewer without resource.view, asking Authgear nothing', async () => {
    const uri = freshUri();
    store().add({ uri });
    const { body, sent } = await ask(`resource ${uri}`, PEOPLE.viewer);
    expect(text(body)).toContain("Your role doesn't allow that action");
    expect(sent).toEqual([]);
  });
});
