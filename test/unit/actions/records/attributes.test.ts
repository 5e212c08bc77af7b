import { describe, expect, it } from 'vitest';
import {
  attributeNameProblem,
  attributeValueProblem,
  describeEdits,
  editsOf,
  hasEdits,
  mergeAttributes,
  parseAssignments,
  STANDARD_ATTRIBUTES,
  writableStandard,
} from '../../../../src/actions/user/records/attributes.js';

describe('parseAssignments', () => {
  it.each([
    [['name=Alice', 'Smith', 'given_name=Alice'], { name: 'Alice Smith', given_name: 'Alice' }],
    [['custom.department=Sales'], { 'custom.department': 'Sales' }],
    [['nickname='], { nickname: '' }],
    [['name="Alice', 'Smith"'], { name: 'Alice Smith' }],
    [['website=https://a.example/?x=1'], { website: 'https://a.example/?x=1' }],
  ])('reads %j as %j', (args, expected) => {
    expect(parseAssignments(args)).toEqual(expected);
  });

  it('refuses text that does not start with key=value', () => {
    expect(parseAssignments(['Alice', 'name=Bob'])).toBeUndefined();
    expect(parseAssignments([])).toBeUndefined();
  });
});

describe('attribute validation', () => {
  it("accepts every one of Authgear's standard attribute names and custom.<name>", () => {
    for (const name of STANDARD_ATTRIBUTES) expect(attributeNameProblem(name)).toBeUndefined();
    expect(attributeNameProblem('custom.department')).toBeUndefined();
  });

  it('names the valid attributes when a name is unknown', () => {
    expect(attributeNameProblem('nmae')).toMatch(/isn't a standard attribute.*given_name/);
    expect(attributeNameProblem('custom.bad-name')).toMatch(/letters, digits and underscores/);
    expect(attributeNameProblem('sub')).toBeDefined();
  });

  it.each([
    ['email', 'not-an-email'],
    ['phone_number', '5551234'],
    ['website', 'example.com'],
    ['birthdate', '1990-02-30'],
    ['birthdate', 'yesterday'],
    ['zoneinfo', 'Mars/Olympus'],
    ['locale', 'english please'],
    ['address', '1 Main St'],
  ])('refuses %s=%s with a kind message', (key, value) => {
    expect(attributeValueProblem(key, value)).toMatch(/\.$/);
  });

  it.each([
    ['email', 'bob@example.com'],
    ['phone_number', '+15551234567'],
    ['picture', 'https://cdn.example/a.png'],
    ['birthdate', '1990-04-23'],
    ['birthdate', '1990'],
    ['zoneinfo', 'Europe/London'],
    ['locale', 'zh-HK'],
    ['gender', 'anything goes'],
    ['email', ''],
  ])('accepts %s=%s', (key, value) => {
    expect(attributeValueProblem(key, value)).toBeUndefined();
  });
});

describe('mergeAttributes', () => {
  const current = {
    email: 'a@example.com',
    name: 'A',
    given_name: 'Al',
    locale: 'en',
    gender: 'f',
    nickname: 'al',
  };

  it('changes only the edited key and keeps every other one', () => {
    expect(mergeAttributes(current, { set: { name: 'Alice' }, remove: [] })).toEqual({
      ...current,
      name: 'Alice',
    });
  });

  it('removes only the keys it is told to remove', () => {
    const { nickname: _gone, ...rest } = current;
    expect(mergeAttributes(current, { set: {}, remove: ['nickname'] })).toEqual(rest);
  });

  it('adds new keys and leaves the input object untouched', () => {
    const before = { ...current };
    const next = mergeAttributes(current, { set: { middle_name: 'B' }, remove: [] });
    expect(next).toEqual({ ...current, middle_name: 'B' });
    expect(current).toEqual(before);
  });

  it('keeps structured values (like address) it was not asked to change', () => {
    const withAddress = { ...current, address: { locality: 'Hong Kong' } };
    expect(mergeAttributes(withAddress, { set: { name: 'B' }, remove: [] }).address).toEqual({
      locality: 'Hong Kong',
    });
  });
});

describe('editsOf', () => {
  const user = {
    standardAttributes: { name: 'Alice', nickname: 'al', email: 'a@example.com' },
    customAttributes: { department: 'Support', level: 3, remote: false },
  };

  it('counts only values that differ, and removals of attributes that exist', () => {
    const edits = editsOf(
      { name: 'Alice', nickname: '', given_name: '', 'custom.department': 'Sales' },
      user,
    );
    expect(edits).toEqual({
      standard: { set: {}, remove: ['nickname'] },
      custom: { set: { department: 'Sales' }, remove: [] },
    });
    expect(hasEdits(edits)).toBe(true);
  });

  it('keeps the type of typed custom attributes', () => {
    expect(editsOf({ 'custom.level': '4', 'custom.remote': 'true' }, user).custom.set).toEqual({
      level: 4,
      remote: true,
    });
  });

  it('finds nothing to do when every value is the same', () => {
    expect(hasEdits(editsOf({ name: 'Alice', 'custom.level': '3' }, user))).toBe(false);
  });

  it('describes edits as key/value pairs, removals without value', () => {
    const lines = describeEdits(editsOf({ name: 'Bob', nickname: '' }, user));
    expect(lines).toEqual([
      { key: 'name', value: 'Bob' },
      { key: 'nickname', value: undefined },
    ]);
  });
});

describe('writableStandard', () => {
  it('drops the derived attributes Authgear serves but does not store', () => {
    expect(
      writableStandard({
        sub: 'x',
        email: 'a@b.co',
        email_verified: true,
        phone_number_verified: false,
        name: 'A',
      }),
    ).toEqual({ email: 'a@b.co', name: 'A' });
  });
});
