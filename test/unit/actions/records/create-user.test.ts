import { describe, expect, it } from 'vitest';
import { toFieldErrors } from '../../../../src/actions/field-errors.js';
import { makeCreateUserAction } from '../../../../src/actions/user/records/create-user.js';
import { generatePassword } from '../../../../src/actions/user/records/password.js';
import { AppError } from '../../../../src/errors.js';

const createUserAction = makeCreateUserAction({ loginIdKeys: ['email', 'phone', 'username'] });
const emailOnly = makeCreateUserAction({ loginIdKeys: ['email'] });

const parse = (raw: Record<string, unknown>) => createUserAction.input.safeParse(raw);

describe('create-user on a project with only some login ID keys', () => {
  it('offers only the project’s keys in the form', () => {
    const select = emailOnly.fields?.(undefined).find((f) => f.id === 'loginIdKey');
    expect(select).toMatchObject({
      kind: 'select',
      initial: 'email',
      options: [{ value: 'email', label: 'Email' }],
    });
  });

  it('says in words, before anything is sent, that the project has no usernames', () => {
    const input = emailOnly.input.parse({ loginIdKey: 'username', loginId: 'bob_the_user' });
    let error: unknown;
    try {
      emailOnly.check?.(input, undefined, new Date());
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({
      code: 'input.invalid',
      fields: { loginId: expect.stringContaining('no usernames') },
    });
    expect((error as AppError).userMessage).toMatch(/Authgear Portal.*AUTHGEAR_LOGIN_ID_KEYS/);
  });
});

describe('create-user: slash arguments', () => {
  it.each([
    [['alice@example.com'], { loginIdKey: 'email', loginId: 'alice@example.com', password: 'none' }],
    [
      ['<mailto:alice@example.com|alice@example.com>'],
      { loginIdKey: 'email', loginId: 'alice@example.com', password: 'none' },
    ],
    [
      ['+1 555 123 4567', '--generate-password'],
      { loginIdKey: 'phone', loginId: '+15551234567', password: 'generate' },
    ],
    [['bob.smith'], { loginIdKey: 'username', loginId: 'bob.smith', password: 'none' }],
  ])('reads %j', (args, expected) => {
    expect(createUserAction.fromArgs?.(args)).toEqual(expected);
  });

  it('opens the form with no arguments', () => {
    expect(createUserAction.fromArgs?.([])).toBe('modal');
  });

  it('answers with usage for an unknown flag', () => {
    let code: string | undefined;
    try {
      createUserAction.fromArgs?.(['alice@example.com', '--admin']);
    } catch (e) {
      code = e instanceof AppError ? e.code : undefined;
    }
    expect(code).toBe('input.usage');
  });
});

describe('create-user: input', () => {
  it('checks the login ID against its type and reports it on the loginId block', () => {
    const result = parse({ loginIdKey: 'email', loginId: 'not an email', password: 'none' });
    expect(result.success).toBe(false);
    if (result.success) return;
    const ids = (createUserAction.fields?.(undefined) ?? []).map((f) => f.id);
    expect(Object.keys(toFieldErrors(result.error, ids).fields ?? {})).toEqual(['loginId']);
  });

  it('defaults to no password', () => {
    expect(parse({ loginIdKey: 'username', loginId: 'bob' })).toMatchObject({
      success: true,
      data: { password: 'none' },
    });
  });

  it('builds the form with field ids equal to input keys', () => {
    expect((createUserAction.fields?.(undefined) ?? []).map((f) => f.id)).toEqual([
      'loginIdKey',
      'loginId',
      'password',
    ]);
    expect(
      createUserAction.fromFields?.({ loginIdKey: 'email', loginId: 'a@b.co', password: 'generate' }),
    ).toEqual({
      loginIdKey: 'email',
      loginId: 'a@b.co',
      password: 'generate',
    });
  });
});

describe('create-user: confirmation', () => {
  it('names the login ID and says a password is shown once', () => {
    const c = createUserAction.confirm(
      { loginIdKey: 'email', loginId: 'a<b>@example.com', password: 'generate' },
      undefined,
    );
    expect(c.target).toBe('email a&lt;b&gt;@example.com');
    expect(c.consequences.join(' ')).toMatch(/shown only to you, once/);
    expect(c.danger).toBe(false);
    expect(createUserAction.targetsUser).toBe(false);
  });

  it('says no password is set when none is asked for', () => {
    const c = createUserAction.confirm(
      { loginIdKey: 'username', loginId: 'bob', password: 'none' },
      undefined,
    );
    expect(c.consequences).toContain('No password is set.');
  });
});

describe('generatePassword', () => {
  it('makes distinct 20-character passwords with every character class', () => {
    const a = generatePassword();
    const b = generatePassword();
    expect(a).not.toBe(b);
    expect(a).toHaveLength(20);
    expect(a).toMatch(/[a-z]/);
    expect(a).toMatch(/[A-Z]/);
    expect(a).toMatch(/[0-9]/);
    expect(a).toMatch(/[^A-Za-z0-9]/);
  });

  it('never uses characters Slack would escape or format when the password is shown', () => {
    const many = Array.from({ length: 200 }, () => generatePassword()).join('');
    expect(many).not.toMatch(/[*_~`&<>]/);
  });
});
