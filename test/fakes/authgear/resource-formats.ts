/**
 * The input checks Authgear runs on createResource and createScope (JSON schemas in
 * pkg/admin/graphql/resource_mutation.go and scope_mutation.go, formats in pkg/lib/resourcescope/formats.go).
 * A failure is `Invalid` / `ValidationFailed` with `info.causes = [{ location, kind, details }]`
 * (pkg/util/validation/validate.go).
 */
import { FakeApiError } from './errors.js';

export interface ValidationCause {
  location: string;
  kind: string;
  details?: Record<string, unknown>;
}

export const validationFailed = (causes: ValidationCause[]): FakeApiError =>
  new FakeApiError('Invalid', 'ValidationFailed', 'invalid value', { causes });

/** pkg/util/validation/formats.go FormatAbsolutePath: absolute and already clean (`path.Clean`). */
const isCleanAbsolutePath = (raw: string): boolean => {
  const p = raw === '' ? '/' : raw;
  if (!p.startsWith('/')) return false;
  const parts: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  let cleaned = `/${parts.join('/')}`;
  if (p.endsWith('/') && !cleaned.endsWith('/')) cleaned += '/';
  return cleaned === p;
};

/** formats.go FormatResourceURI over Go's url.Parse: the error text it gives, or undefined when the URI is fine. */
export const resourceUriProblem = (uri: string): string | undefined => {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: Go's url.Parse refuses ASCII control characters
  if (/[\u0000-\u001f\u007f ]/.test(uri)) return 'invalid character in URL';
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):(.*)$/s.exec(uri);
  if (scheme === null) return 'resource URI must have non-empty host';
  const rest = scheme[2] ?? '';
  if (!rest.startsWith('/')) return 'resource URI must start with https://';
  const hash = rest.indexOf('#');
  const fragment = hash === -1 ? '' : rest.slice(hash + 1);
  const beforeHash = hash === -1 ? rest : rest.slice(0, hash);
  const question = beforeHash.indexOf('?');
  const query = question === -1 ? '' : beforeHash.slice(question + 1);
  const hierarchical = question === -1 ? beforeHash : beforeHash.slice(0, question);
  let authority = '';
  let path = hierarchical;
  if (hierarchical.startsWith('//')) {
    const slash = hierarchical.indexOf('/', 2);
    authority = slash === -1 ? hierarchical.slice(2) : hierarchical.slice(2, slash);
    path = slash === -1 ? '' : hierarchical.slice(slash);
  }
  if (authority.includes('@')) return 'resource URI must not have user info';
  if (authority === '') return 'resource URI must have non-empty host';
  const name = (scheme[1] ?? '').toLowerCase();
  if (name !== 'https') return `invalid scheme: ${name}`;
  if (query !== '') return 'resource URI must not have query';
  if (fragment !== '') return 'resource URI must not have fragment';
  if (!isCleanAbsolutePath(path)) return `invalid path: ${path}`;
  return undefined;
};

/** pkg/lib/oauth/scope.go AllowedScopes: createScope refuses them (`not` in the schema). */
export const RESERVED_SCOPES = [
  'offline_access',
  'device_sso',
  'openid',
  'profile',
  'email',
  'address',
  'phone',
  'https://authgear.com/scopes/full-access',
  'https://authgear.com/scopes/full-userinfo',
  'https://authgear.com/scopes/pre-authenticated-url',
];

/** formats.go FormatScopeToken: RFC 6749 scope-token characters, and nothing under https://authgear.com. */
export const scopeTokenProblem = (scope: string): string | undefined => {
  if (!/^[\x21\x23-\x5B\x5D-\x7E]+$/.test(scope)) return 'invalid scope-token: forbidden character';
  if (scope.startsWith('https://authgear.com')) return 'scope not allowed';
  return undefined;
};

const lengthCauses = (location: string, value: string, min: number, max: number): ValidationCause[] => {
  const length = [...value].length;
  if (length < min) return [{ location, kind: 'minLength', details: { actual: length, expected: min } }];
  if (length > max) return [{ location, kind: 'maxLength', details: { actual: length, expected: max } }];
  return [];
};

/** createResourceSchema: `resourceURI` is x_resource_uri, 1–100 characters. */
export const checkCreateResource = (resourceURI: string): void => {
  const problem = resourceUriProblem(resourceURI);
  const causes: ValidationCause[] = [
    ...(problem === undefined
      ? []
      : [
          {
            location: '/resourceURI',
            kind: 'format',
            details: { error: problem, format: 'x_resource_uri' },
          },
        ]),
    ...lengthCauses('/resourceURI', resourceURI, 1, 100),
  ];
  if (causes.length > 0) throw validationFailed(causes);
};

/** createScopeSchema: `scope` is x_scope_token, 1–100 characters, and not one of AllowedScopes. */
export const checkCreateScope = (scope: string): void => {
  const problem = scopeTokenProblem(scope);
  const causes: ValidationCause[] = [
    ...(problem === undefined
      ? []
      : [{ location: '/scope', kind: 'format', details: { error: problem, format: 'x_scope_token' } }]),
    ...lengthCauses('/scope', scope, 1, 100),
    ...(RESERVED_SCOPES.includes(scope) ? [{ location: '/scope', kind: 'not' }] : []),
  ];
  if (causes.length > 0) throw validationFailed(causes);
};
