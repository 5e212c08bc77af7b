import { ClientError } from 'graphql-request';
import { describe, expect, it } from 'vitest';
import { mapAuthgearError } from '../../../src/authgear/errors.js';

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
