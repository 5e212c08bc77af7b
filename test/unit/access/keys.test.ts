import { describe, expect, it } from 'vitest';
import { keyListSchema, keyProblem, keySchema, splitKeys } from '../../../src/access/keys.js';
import { accessActions } from '../../../src/actions/access/index.js';
import { indexActions } from '../../../src/actions/registry.js';

describe('group and role keys', () => {
  it.each(['manager', 'manager:SUPER_ADMIN1', '_x', 'a'.repeat(40)])('accepts %s as Authgear does', (key) => {
    expect(keyProblem('role', key)).toBeUndefined();
  });

  it.each([
    ['', 'Give'],
    ['0admin', 'start with a letter'],
    ['GOOD key', 'only letters'],
    ['user#123ok', 'only letters'],
    ['authgear:user', 'reserves'],
    [`a${'0'.repeat(40)}`, 'at most 40'],
  ])('refuses %j with a reason', (key, words) => {
    expect(keyProblem('group', key)).toContain(words);
  });

  it('puts the reason on the field when a list has a bad key, naming that key', () => {
    const r = keyListSchema('group').safeParse(['ok', 'bad key!']);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toContain('bad key!');
  });

  it('removes duplicates and blanks from key lists, and trims single keys', () => {
    expect(keyListSchema('role').parse(['a', ' a ', '', 'b'])).toEqual(['a', 'b']);
    expect(keySchema('role').parse('  admin ')).toBe('admin');
  });

  it('splits typed keys on spaces, commas and new lines', () => {
    expect(splitKeys('a, b\nc  d')).toEqual(['a', 'b', 'c', 'd']);
    expect(splitKeys(['x', 'y'])).toEqual(['x', 'y']);
  });
});

describe('access actions', () => {
  it('have unique keys and verbs and none targets a user except the user-side ones', () => {
    expect(() => indexActions(accessActions)).not.toThrow();
    expect(accessActions).toHaveLength(18);
    const targeting = accessActions.filter((d) => d.targetsUser !== false).map((d) => d.key);
    expect(targeting.sort()).toEqual([
      'add-user-to-groups',
      'add-user-to-roles',
      'remove-user-from-groups',
      'remove-user-from-roles',
    ]);
  });

  it('reads an update form: empty fields untouched, a ticked box clears', () => {
    const def = accessActions.find((d) => d.key === 'update-group');
    const raw = def?.fromFields?.({ current: 'ops', key: '', name: 'New', clearDescription: 'yes' });
    expect(def?.input.parse(raw)).toEqual({ current: 'ops', name: 'New', description: '' });
  });

  it('asks for at least one change when updating', () => {
    const def = accessActions.find((d) => d.key === 'update-role');
    const r = def?.input.safeParse({ current: 'ops' });
    expect(r?.success).toBe(false);
  });

  it('refuses Slack mentions in multi-user verbs, where only exact look-ups are possible', () => {
    const def = accessActions.find((d) => d.key === 'add-role-to-users');
    const raw = def?.fromArgs?.(['agent', '<@U123|amy>']);
    const r = def?.input.safeParse(raw);
    expect(r?.success).toBe(false);
    expect(def?.input.safeParse(def.fromArgs?.(['agent', 'amy@example.com'])).success).toBe(true);
  });
});
