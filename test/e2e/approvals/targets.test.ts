import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryApprovalStore } from '../../../src/approvals/memory-store.js';
import { getUserNodes } from '../../../src/authgear/operations/users.js';
import { encodeNodeId } from '../../fakes/authgear/index.js';
import { PEOPLE } from '../../support/app.js';
import { expected, expectSent } from '../admin-api/sent.js';
import { approvalPolicy, type Cluster, startCluster } from './cluster.js';
import { openHome, request, slash } from './flow.js';

let c: Cluster;
beforeAll(async () => {
  c = await startCluster({ store: createMemoryApprovalStore(), policy: approvalPolicy(1) });
});
afterAll(async () => c.stop());

const nodesQueries = (from: number) =>
  c.authgear.requests.slice(from).filter((r) => r.operationName === 'GetUserNodes');
const idOf = (email: string): string => {
  const u = c.authgear.store.users().find((x) => x.standardAttributes.email === email);
  if (!u) throw new Error(`no user ${email}`);
  return encodeNodeId('User', u.id);
};

describe('approvals list and App Home: the targets as they are now', () => {
  it('loads every target with ONE nodes query and shows each one now, including one already disabled or gone', async () => {
    await request(c, 'target1@example.com');
    await request(c, 'target2@example.com');
    await request(c, 'target3@example.com');
    const t2 = c.authgear.store.users().find((u) => u.standardAttributes.email === 'target2@example.com');
    if (t2) t2.isIndefinitelyDisabled = true;
    const gone = c.authgear.store.users().find((u) => u.standardAttributes.email === 'target3@example.com');
    if (gone) c.authgear.store.removeUser(gone.id);
    const from = c.authgear.requests.length;
    const list = JSON.stringify(await slash(c, PEOPLE.admin, 'approvals'));
    const queries = nodesQueries(from);
    expect(queries).toHaveLength(1);
    const ids = (queries[0]?.variables.ids as string[]) ?? [];
    expect([...ids].sort()).toEqual(
      [idOf('target1@example.com'), idOf('target2@example.com'), encodeNodeId('User', gone?.id ?? '')].sort(),
    );
    expectSent(queries, expected(getUserNodes, { ids }));
    expect(list).toContain('Target now: target1@example.com · :large_green_circle: active');
    expect(list).toContain('Target now: target2@example.com · :no_entry_sign: disabled');
    expect(list).toContain('Target now: :ghost: no longer in Authgear');
  });

  it('the App Home reads the targets with one nodes query too', async () => {
    const from = c.authgear.requests.length;
    const home = JSON.stringify(await openHome(c, PEOPLE.admin));
    expect(nodesQueries(from)).toHaveLength(1);
    expect(home).toContain('Target now: target1@example.com');
  });

  it('still lists the requests, with a note, when Authgear cannot be read', async () => {
    c.authgear.failNext({ kind: 'http', status: 503 });
    const list = JSON.stringify(await slash(c, PEOPLE.admin, 'approvals'));
    expect(list).toContain('could not be read');
    expect(list).toContain('target1@example.com');
  });
});
