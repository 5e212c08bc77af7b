/**
 * `edit` against what Authgear does with updateUser (FACTS.md): identity-backed attributes only take one of the
 * user's identities, and custom attributes the project has not configured are dropped without an error.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeNodeId, type FakeUser } from '../../fakes/authgear/index.js';
import { PEOPLE, startTestApp, type TestApp } from '../../support/app.js';
import { mutationsSince, runConfirmed } from '../account/flow.js';

let t: TestApp;
let carol: FakeUser;
beforeAll(async () => {
  t = await startTestApp();
  t.authgear.store.configure({ customAttributes: [{ name: 'department', type: 'string' }] });
  carol = t.authgear.store.addUser({
    email: 'carol@example.com',
    name: 'Carol',
    customAttributes: { department: 'Ops' },
  });
});
afterAll(async () => t.stop());
let from = 0;
beforeEach(() => {
  from = t.authgear.requests.length;
});

const text = (v: unknown) => JSON.stringify(v);

describe('edit: email, phone and username', () => {
  it('refuses an email that is not one of the user’s identities before sending anything', async () => {
    const res = await t.driver.slashCommand({
      userId: PEOPLE.support,
      text: 'edit carol@example.com email=new@example.com',
    });
    const body = await t.response(res.responseUrlId);
    expect(text(body)).toContain("can only be one of the user's login IDs");
    expect(text(body)).toContain('add-identity');
    expect(mutationsSince(t, from)).toEqual([]);
    expect(carol.standardAttributes.email).toBe('carol@example.com');
  });

  it('refuses to remove an email a login ID holds, pointing to remove-identity', async () => {
    const res = await t.driver.slashCommand({
      userId: PEOPLE.support,
      text: 'edit carol@example.com email=',
    });
    const body = await t.response(res.responseUrlId);
    expect(text(body)).toContain('remove-identity');
    expect(mutationsSince(t, from)).toEqual([]);
  });
});

describe('edit: custom attributes the project does not have', () => {
  it('sends the write, reads back what Authgear stored, and reports the dropped one as not saved', async () => {
    const run = await runConfirmed(
      t,
      PEOPLE.support,
      'edit carol@example.com custom.department=Sales custom.shoe_size=42',
    );
    expect(run.mutations.map((r) => [r.operationName, r.variables])).toEqual([
      [
        'UpdateUser',
        {
          input: {
            userID: encodeNodeId('User', carol.id),
            standardAttributes: { email: 'carol@example.com', name: 'Carol' },
            customAttributes: { department: 'Sales', shoe_size: '42' },
          },
        },
      ],
    ]);
    expect(text(run.result)).toContain('1 attribute changed');
    expect(text(run.result)).toContain('Not saved: `custom.shoe_size`');
    expect(text(run.result)).toContain('no such custom attribute');
    expect(carol.customAttributes).toEqual({ department: 'Sales' });
  });
});

describe('edit: when nothing is saved', () => {
  it('warns, and never reports success, when Authgear dropped every attribute sent', async () => {
    const run = await runConfirmed(t, PEOPLE.support, 'edit carol@example.com custom.shoe_size=42');
    expect(run.mutations.map((r) => r.operationName)).toEqual(['UpdateUser']);
    const result = text(run.result);
    expect(result).toContain(':warning: Nothing was saved for');
    expect(result).toContain('Not saved: `custom.shoe_size`');
    expect(result).not.toContain('white_check_mark');
    expect(result).not.toContain('0 attributes changed');
    expect(carol.customAttributes).toEqual({ department: 'Sales' });
  });
});

describe('edit: names JavaScript reserves', () => {
  it.each([
    'custom.__proto__=x',
    'custom.constructor=x',
    'custom.prototype=1',
    'custom.constructor=',
    '__proto__=x',
    'constructor=x',
    'prototype=x',
    'name=Carol custom.__proto__=x',
  ])('refuses `%s` kindly and sends nothing', async (assignment) => {
    const res = await t.driver.slashCommand({
      userId: PEOPLE.support,
      text: `edit carol@example.com ${assignment}`,
    });
    const body = text(await t.response(res.responseUrlId));
    expect(body).toMatch(
      /`(custom\.)?(__proto__|constructor|prototype)` can't be edited: that name is reserved/,
    );
    expect(mutationsSince(t, from)).toEqual([]);
    expect(carol.customAttributes).toEqual({ department: 'Sales' });
  });
});
