import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../src/errors.js';
import { type RecordsHarness, startRecordsHarness } from './harness.js';

const STANDARD = {
  email: 'alice@example.com',
  name: 'Alice Liddell',
  given_name: 'Alice',
  family_name: 'Liddell',
  nickname: 'al',
  locale: 'en',
};
const CUSTOM = { department: 'Support', level: 3, remote: true };

let h: RecordsHarness;
beforeAll(async () => {
  h = await startRecordsHarness({
    customAttributes: [
      { name: 'department', type: 'string' },
      { name: 'level', type: 'integer' },
      { name: 'remote', type: 'boolean' },
    ],
  });
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  h.fake.requests.length = 0;
});

const seedAlice = () =>
  h.seed({
    email: STANDARD.email,
    standardAttributes: STANDARD,
    customAttributes: CUSTOM,
    updatedAt: '2026-04-01T00:00:00.000Z',
  });

describe('edit against the Authgear fake', () => {
  it('reads the user fresh and writes back every attribute with only the edited one changed', async () => {
    const { fake, nodeId } = seedAlice();
    const opened = await h.load(nodeId);
    h.fake.requests.length = 0;

    const result = await h.execute('edit', nodeId, {
      given_name: 'Alicia',
      expectedUpdatedAt: opened.updatedAt,
    });

    // The harness loads the user as the pipeline does; execute then reads it again itself, right before writing.
    expect(h.fake.requests.map((r) => r.operationName)).toEqual(['GetUserNode', 'GetUserNode', 'UpdateUser']);
    const [update] = h.mutations();
    expect(update?.variables).toEqual({
      input: {
        userID: nodeId,
        standardAttributes: { ...STANDARD, given_name: 'Alicia' },
        customAttributes: CUSTOM,
      },
    });
    expect(fake.standardAttributes).toEqual({ ...STANDARD, given_name: 'Alicia' });
    expect(fake.customAttributes).toEqual(CUSTOM);
    expect(result.message).toMatch(/1 attribute changed/);
  });

  it('changes a custom attribute, keeping its type and the other custom attributes', async () => {
    const { fake, nodeId } = seedAlice();
    await h.execute('edit', nodeId, { 'custom.level': '4' });
    expect(fake.customAttributes).toEqual({ ...CUSTOM, level: 4 });
    expect(fake.standardAttributes).toEqual(STANDARD);
  });

  it('removes an attribute only when the person cleared it', async () => {
    const { fake, nodeId } = seedAlice();
    await h.execute('edit', nodeId, { nickname: '', middle_name: '', name: 'Alice L.' });
    const { nickname: _removed, ...rest } = STANDARD;
    expect(fake.standardAttributes).toEqual({ ...rest, name: 'Alice L.' });
  });

  it('stops with state.conflict and sends no mutation when the user changed after the form was opened', async () => {
    const { fake, nodeId } = seedAlice();
    const opened = await h.load(nodeId);
    // Someone else edits the user in the Portal meanwhile.
    fake.standardAttributes = { ...fake.standardAttributes, nickname: 'ally' };
    fake.updatedAt = '2026-04-02T00:00:00.000Z';
    h.fake.requests.length = 0;

    const error = await h
      .execute('edit', nodeId, { given_name: 'Alicia', expectedUpdatedAt: opened.updatedAt })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('state.conflict');
    expect(h.fake.requests.map((r) => r.operationName)).not.toContain('UpdateUser');
    expect(fake.standardAttributes).toEqual({ ...STANDARD, nickname: 'ally' });
  });

  it('sends nothing when the edit changes no value', async () => {
    const { nodeId } = seedAlice();
    const error = await h.execute('edit', nodeId, { name: STANDARD.name }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('state.no_change');
    expect(h.mutations()).toEqual([]);
  });
});
