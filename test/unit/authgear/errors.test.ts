import { ClientError } from 'graphql-request';
import { describe, expect, it } from 'vitest';
import { AuthgearError, mapAuthgearError } from '../../../src/authgear/errors.js';

const graphqlError = (errorName: string, reason: string, info?: unknown) =>
  new ClientError(
    {
      status: 200,
      headers: new Headers(),
      errors: [{ message: 'x', extensions: { errorName, reason, info } }],
    } as never,
    { query: 'query { x }', variables: { secret: 'hunter2' } },
  );

describe('mapAuthgearError', () => {
  it.each([
    ['NotFound', 'UserNotFound', undefined, 'authgear.not_found'],
    ['Invalid', 'InvalidAccountStatusTransition', undefined, 'state.conflict'],
    ['Invalid', 'PasswordPolicyViolated', undefined, 'authgear.invalid'],
    ['Invalid', 'InvariantViolated', { cause: { kind: 'RemoveLastIdentity' } }, 'authgear.invalid'],
    ['BadRequest', 'GroupDuplicateKey', undefined, 'authgear.conflict'],
    ['TooManyRequest', 'RateLimited', undefined, 'authgear.rate_limited'],
    ['Weird', 'Unheard', undefined, 'authgear.unexpected'],
    ['Invalid', 'InvariantViolated', { cause: { kind: 'DuplicatedAuthenticator' } }, 'authgear.invalid'],
    ['Invalid', 'MFAGracePeriodInvalid', undefined, 'authgear.invalid'],
    ['Invalid', 'UserIsAnonymized', undefined, 'state.conflict'],
    ['BadRequest', 'ResourceDuplicateURI', undefined, 'authgear.conflict'],
    ['BadRequest', 'ScopeDuplicate', undefined, 'authgear.conflict'],
    ['Forbidden', 'ResourceNotAssociatedWithClient', undefined, 'state.conflict'],
  ])('maps %s/%s to %s', (errorName, reason, info, code) => {
    const err = mapAuthgearError(graphqlError(errorName, reason, info));
    expect(err.code).toBe(code);
    expect(err.userMessage).not.toContain('hunter2');
  });

  it('says the user already has the authenticator Authgear refused as a duplicate', () => {
    expect(
      mapAuthgearError(
        graphqlError('Invalid', 'InvariantViolated', { cause: { kind: 'DuplicatedAuthenticator' } }),
      ).userMessage,
    ).toMatch(/already has that authenticator/);
  });

  it('names the last identity when removing it is refused', () => {
    expect(
      mapAuthgearError(
        graphqlError('Invalid', 'InvariantViolated', { cause: { kind: 'RemoveLastIdentity' } }),
      ).userMessage,
    ).toMatch(/last identity/);
  });

  it('maps HTTP 403 to a bad-key message and network and timeout failures to their own codes', () => {
    const forbidden = new ClientError({ status: 403, headers: new Headers(), body: 'Forbidden' } as never, {
      query: 'q',
    });
    expect(mapAuthgearError(forbidden).code).toBe('authgear.unauthorized');
    expect(mapAuthgearError(new TypeError('fetch failed')).code).toBe('authgear.unavailable');
    expect(mapAuthgearError(new DOMException('timed out', 'TimeoutError')).code).toBe('authgear.timeout');
  });
});

describe('mapAuthgearError for a mutation whose answer was lost', () => {
  const fetchFailed = (code: string) =>
    new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });
  const gateway = (status: number) =>
    new ClientError({ status, headers: new Headers(), body: 'Bad Gateway' } as never, {
      query: 'mutation { x }',
    });

  it.each([
    ['a timeout', new DOMException('timed out', 'TimeoutError')],
    ['a connection reset after sending', fetchFailed('ECONNRESET')],
    ['a socket closed by the other side', fetchFailed('UND_ERR_SOCKET')],
    ['a gateway answering 502', gateway(502)],
    ['a gateway answering 504', gateway(504)],
  ])('says the outcome is unknown after %s, never that it failed', (_what, error) => {
    const err = mapAuthgearError(error, { mutation: true });
    expect(err.code).toBe('authgear.outcome_unknown');
    expect(err.userMessage).toMatch(/did not confirm whether this was done/);
    expect(err.userMessage).toMatch(/Check the user in Authgear/);
    expect(err.userMessage).not.toMatch(/fail/i);
  });

  it.each([
    ['connection refused', fetchFailed('ECONNREFUSED')],
    ['an unknown host', fetchFailed('ENOTFOUND')],
  ])('knows nothing was applied when the request never left: %s', (_what, error) => {
    expect(mapAuthgearError(error, { mutation: true }).code).toBe('authgear.unavailable');
  });

  it('keeps a definite refusal from Authgear (its transaction rolled back) as it is', () => {
    expect(mapAuthgearError(graphqlError('NotFound', 'UserNotFound'), { mutation: true }).code).toBe(
      'authgear.not_found',
    );
  });

  it('keeps a lost answer to a query as a plain outage', () => {
    expect(mapAuthgearError(fetchFailed('ECONNRESET')).code).toBe('authgear.unavailable');
    expect(mapAuthgearError(gateway(502)).code).toBe('authgear.unavailable');
  });
});

describe('an error Authgear gave no reason for', () => {
  const bare = new ClientError(
    { status: 200, headers: new Headers(), errors: [{ message: 'unexpected error' }] } as never,
    { query: 'mutation { x }', variables: { secret: 'hunter2' } },
  );

  it('says Authgear gave no reason, that nothing changed, and carries a reference', () => {
    const err = mapAuthgearError(bare);
    expect(err.code).toBe('authgear.unexpected');
    expect(err).toBeInstanceOf(AuthgearError);
    const reference = (err as AuthgearError).reference;
    expect(reference).toMatch(/^[0-9a-f]{8}$/);
    expect(err.userMessage).toContain('gave no reason');
    expect(err.userMessage).toContain(`\`${reference}\``);
    expect(err.userMessage).not.toContain('hunter2');
    expect((err as AuthgearError).authgear).toMatchObject({
      hasExtensions: false,
      message: 'unexpected error',
    });
  });

  it('reads causes wherever Authgear puts them: info.cause or info.causes', () => {
    const dup = mapAuthgearError(
      graphqlError('Invalid', 'InvariantViolated', {
        cause: { kind: 'DuplicatedIdentity' },
        LoginIDTypeIncoming: 'phone',
      }),
    );
    expect(dup.code).toBe('authgear.conflict');
    expect(dup.userMessage).toContain('Another user already has that phone number');
    const policy = mapAuthgearError(
      graphqlError('Invalid', 'PasswordPolicyViolated', {
        causes: [{ Name: 'PasswordTooShort', Info: { min_length: 12, pw_length: 5 } }],
      }),
    );
    expect(policy.userMessage).toContain('at least 12 characters');
  });
});
