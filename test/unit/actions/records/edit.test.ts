import { describe, expect, it } from 'vitest';
import { toFieldErrors } from '../../../../src/actions/field-errors.js';
import { editAction } from '../../../../src/actions/user/records/edit.js';
import { makeUser } from '../../../support/authgear-user.js';
import { expectAppErrorCode } from '../../../support/errors.js';

const user = makeUser({
  updatedAt: '2026-03-01T10:00:00.000Z',
  standardAttributes: { email: 'alice@example.com', name: 'Alice Liddell', given_name: 'Alice' },
  customAttributes: { department: 'Support' },
});
const NOW = new Date('2026-03-01T11:00:00Z');

const parse = (raw: Record<string, unknown>) => editAction.input.safeParse({ ...raw, userId: user.id });

describe('edit: slash arguments', () => {
  it('reads name=value pairs with spaces into flat input keys', () => {
    expect(
      editAction.fromArgs?.(['name=Alice', 'Smith', 'given_name=Alice', 'custom.department=Sales']),
    ).toEqual({
      name: 'Alice Smith',
      given_name: 'Alice',
      'custom.department': 'Sales',
    });
  });

  it('opens the form when nothing is given', () => {
    expect(editAction.fromArgs?.([])).toBe('modal');
  });

  it('answers with usage when the text is not key=value', () => {
    expectAppErrorCode(() => editAction.fromArgs?.(['Alice']), 'input.usage');
  });
});

describe('edit: input validation', () => {
  it('accepts standard and custom attributes', () => {
    expect(parse({ name: 'Alice', 'custom.department': 'Sales', nickname: '' }).success).toBe(true);
  });

  it('puts an unknown attribute name on its own field', () => {
    const result = parse({ nmae: 'Alice' });
    expect(result.success).toBe(false);
    if (result.success) return;
    const err = toFieldErrors(result.error, ['nmae']);
    expect(err.code).toBe('input.invalid');
    expect(Object.keys(err.fields ?? {})).toEqual(['nmae']);
  });

  it('puts a bad value on the block of that attribute (modal block id = input key)', () => {
    const ids = (editAction.fields?.(user) ?? []).map((f) => f.id);
    const result = parse({ birthdate: 'someday', name: 'Alice' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(toFieldErrors(result.error, ids).fields).toEqual({
      birthdate: expect.stringMatching(/YYYY-MM-DD/),
    });
  });

  it('refuses an edit that names no attribute', () => {
    expect(parse({}).success).toBe(false);
  });
});

describe('edit: form', () => {
  const fields = editAction.fields?.(user) ?? [];

  it('lists the standard attributes prefilled with the current values', () => {
    const name = fields.find((f) => f.id === 'name');
    expect(name).toMatchObject({ kind: 'text', initial: 'Alice Liddell', optional: true });
    expect(fields.find((f) => f.id === 'family_name')).not.toHaveProperty('initial');
    expect(fields.map((f) => f.id)).toContain('zoneinfo');
  });

  it("lists the user's custom attributes as custom.<name>", () => {
    expect(fields.find((f) => f.id === 'custom.department')).toMatchObject({ initial: 'Support' });
  });

  it('carries the version the person started from', () => {
    expect(fields.find((f) => f.id === 'expectedUpdatedAt')).toMatchObject({
      kind: 'select',
      initial: user.updatedAt,
      options: [{ value: user.updatedAt }],
    });
  });

  it('maps an emptied field to a removal and keeps the version', () => {
    expect(
      editAction.fromFields?.({ name: 'Alice', nickname: undefined, expectedUpdatedAt: user.updatedAt }),
    ).toEqual({ name: 'Alice', nickname: '', expectedUpdatedAt: user.updatedAt });
  });
});

describe('edit: checks before anything is sent', () => {
  const input = (raw: Record<string, string>) => {
    const parsed = parse(raw);
    if (!parsed.success) throw parsed.error;
    return parsed.data;
  };

  it('stops with state.conflict when the user changed after the form was opened', () => {
    const i = input({ name: 'Bob', expectedUpdatedAt: '2026-02-01T00:00:00.000Z' });
    expectAppErrorCode(() => editAction.check?.(i, user, NOW), 'state.conflict');
  });

  it('stops with state.no_change when every value is already set', () => {
    const i = input({ name: 'Alice Liddell', given_name: 'Alice', family_name: '' });
    expectAppErrorCode(() => editAction.check?.(i, user, NOW), 'state.no_change');
  });

  it('lets a real change through', () => {
    const i = input({ name: 'Bob', expectedUpdatedAt: user.updatedAt });
    expectAppErrorCode(() => editAction.check?.(i, user, NOW), undefined);
  });
});

describe('edit: confirmation and summary', () => {
  const parsed = parse({
    name: 'Alice <b>',
    nickname: '',
    given_name: 'Alice',
    'custom.department': 'Sales',
  });
  if (!parsed.success) throw parsed.error;
  const c = editAction.confirm(parsed.data, user);

  it('names the target and lists only what changes, escaped', () => {
    expect(c.target).toBe('Alice Liddell &lt;alice@example.com&gt;');
    expect(c.consequences).toEqual([
      '`name` → Alice &lt;b&gt;',
      '`custom.department` → Sales',
      'Every other attribute stays as it is.',
    ]);
    expect(c.danger).toBe(false);
  });

  it('summarises the edited keys without values', () => {
    expect(editAction.summary(parsed.data, user)).toBe(
      'Edited attributes: `name`, `nickname`, `given_name`, `custom.department`',
    );
  });
});

describe('edit: reserved names', () => {
  it('refuses a reserved key even in stored input, where JSON makes `__proto__` an own key', () => {
    const stored = JSON.parse('{"__proto__": "x", "name": "Alice"}') as Record<string, unknown>;
    const parsed = parse(stored);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain("`__proto__` can't be edited");
  });

  it('keeps `__proto__=` from the slash text as an own key, so it is refused rather than lost', () => {
    const raw = editAction.fromArgs?.(['name=Alice', '__proto__=x']);
    expect(Object.keys(raw as object)).toEqual(['name', '__proto__']);
    expect(parse(raw as Record<string, unknown>).success).toBe(false);
  });

  it.each(['custom.constructor', 'custom.prototype', 'constructor'])('refuses %s', (key) => {
    expect(parse({ [key]: 'x' }).success).toBe(false);
  });
});
