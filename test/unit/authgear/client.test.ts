import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdminApi } from '../../../src/authgear/client.js';
import { getUserNode } from '../../../src/authgear/operations/users.js';
import { isAppError } from '../../../src/errors.js';
import { makeUser } from '../../support/authgear-user.js';

/** A server that answers every request with the next queued GraphQL body (what a changed Authgear might send). */
let server: Server;
let endpoint: string;
const answers: unknown[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answers.shift()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

const api = () => createAdminApi({ endpoint, tokens: { token: async () => 'jwt' } });

/** A user node as Authgear serves it (connections as edges). */
const userNode = (standardAttributes: unknown) => {
  const { identities, authenticators, groups, roles, effectiveRoles, sessions, ...rest } = makeUser();
  const none = { totalCount: 0, edges: [] };
  return {
    ...rest,
    __typename: 'User',
    standardAttributes,
    identities: none,
    authenticators: none,
    groups: none,
    roles: none,
    effectiveRoles: none,
    sessions,
  };
};

describe('Admin API client', () => {
  it('reads a user and flattens its connections', async () => {
    answers.push({ data: { node: userNode({ email: 'alice@example.com' }) } });
    const { node } = await api().run(getUserNode, { id: 'VXNlcjp1MQ' });
    expect(node?.__typename === 'User' && node.standardAttributes).toEqual({ email: 'alice@example.com' });
    expect(node?.__typename === 'User' && node.identities).toEqual({ totalCount: 0, nodes: [] });
  });

  it('refuses with authgear.unexpected when a JSON scalar the bot relies on is not an object', async () => {
    answers.push({ data: { node: userNode('not an object') } });
    const error = await api()
      .run(getUserNode, { id: 'VXNlcjp1MQ' })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(isAppError(error) ? error.code : error).toBe('authgear.unexpected');
  });
});
