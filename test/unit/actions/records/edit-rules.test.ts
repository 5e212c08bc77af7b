import { describe, expect, it } from 'vitest';
import {
  identityBackedEdits,
  notSaved,
  ownedValues,
} from '../../../../src/actions/user/records/edit-rules.js';
import { AppError } from '../../../../src/errors.js';
import { conn, loginIdentity, makeUser } from '../../../support/authgear-user.js';

const user = makeUser({
  identities: conn([
    loginIdentity('email', 'alice@example.com'),
    loginIdentity('email', 'a.work@example.com'),
    loginIdentity('username', 'alice'),
  ]),
});

const refusal = (run: () => unknown): AppError => {
  try {
    run();
  } catch (e) {
    if (e instanceof AppError) return e;
  }
  throw new Error('expected a refusal');
};

describe('identity-backed attributes (stdattrs: email, phone, username come from identities)', () => {
  it('reads the values the identities give', () => {
    expect(ownedValues(user)).toEqual({
      email: ['alice@example.com', 'a.work@example.com'],
      phone_number: [],
      preferred_username: ['alice'],
    });
  });

  it('accepts another of the user’s emails, spelled as the identity has it', () => {
    expect(identityBackedEdits({ email: 'A.Work@Example.com', name: 'x' }, user)).toEqual({
      email: 'a.work@example.com',
      name: 'x',
    });
  });

  it.each([
    ['an email no identity has', { email: 'new@example.com' }, /add-identity/],
    ['a phone with no phone identity', { phone_number: '+15551234567' }, /login IDs\. Add it first/],
    ['removing an email an identity has', { email: '' }, /remove-identity <who> alice@example.com/],
    ['removing the username', { preferred_username: '' }, /remove-identity/],
  ])('refuses %s before anything is sent, pointing to the identity verbs', (_n, flat, message) => {
    const e = refusal(() => identityBackedEdits(flat, user));
    expect(e.code).toBe('input.invalid');
    expect(e.userMessage).toMatch(message);
  });

  it('lets other attributes through untouched', () => {
    expect(identityBackedEdits({ nickname: '', given_name: 'Al' }, user)).toEqual({
      nickname: '',
      given_name: 'Al',
    });
  });
});

describe('notSaved: what Authgear stored compared with what was sent', () => {
  const edits = {
    standard: { set: { name: 'New' }, remove: ['nickname'] },
    custom: { set: { department: 'Sales', shoe_size: 42 }, remove: [] },
  };

  it('reports a custom attribute Authgear dropped, and nothing that was kept', () => {
    expect(
      notSaved(edits, {
        standardAttributes: { name: 'New', email: 'alice@example.com' },
        customAttributes: { department: 'Sales' },
      }),
    ).toEqual([{ key: 'custom.shoe_size', custom: true }]);
  });

  it('reports a removed attribute that came back', () => {
    expect(
      notSaved(edits, {
        standardAttributes: { name: 'New', nickname: 'al' },
        customAttributes: { department: 'Sales', shoe_size: 42 },
      }),
    ).toEqual([{ key: 'nickname', custom: false }]);
  });
});
