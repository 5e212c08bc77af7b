/**
 * What the API resource and scope actions share: their inputs (checked before anything is sent, as Authgear
 * checks them in pkg/lib/resourcescope/formats.go and the createResource/createScope schemas), how a URI, scope
 * or client is shown, and Authgear's errors reworded to name what the person typed.
 */
import { z } from 'zod';
import { codeText } from '../../blocks/resource-cards.js';
import { AppError } from '../../errors.js';
import type { FieldValues } from '../types.js';

export const URI_MAX = 100;
export const SCOPE_MAX = 100;
export const TEXT_MAX = 500;
/** Scopes one request may name (the confirmation button carries them all). */
export const MAX_SCOPES = 25;
/** RFC 6749 scope-token characters: printable ASCII but space, `"` and `\`. */
const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;

/** Slack sends a typed URL as `<https://x>` or `<https://x|label>`; keep what was typed. */
export const unwrapLink = (text: string): string => {
  const link = /^<([^|>]+)(?:\|([^>]*))?>$/.exec(text.trim());
  return (link?.[1] ?? text).trim();
};

/** Why Authgear would refuse `uri` as a new resource URI, in words; undefined when it would take it. */
export const resourceUriProblem = (uri: string): string | undefined => {
  if (uri === '') return 'Give the resource URI, like `https://api.example.com`.';
  if ([...uri].length > URI_MAX) return `A resource URI has at most ${URI_MAX} characters.`;
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return 'A resource URI is an absolute `https://` URL, like `https://api.example.com`.';
  }
  if (url.protocol !== 'https:') return 'A resource URI must start with `https://`.';
  if (!/^https:\/\//i.test(uri) || url.host === '') return 'A resource URI needs a host after `https://`.';
  if (url.username !== '' || url.password !== '')
    return 'A resource URI cannot carry a user name or password.';
  if (url.search !== '' || uri.includes('?')) return 'A resource URI cannot have a query (`?…`).';
  if (url.hash !== '' || uri.includes('#')) return 'A resource URI cannot have a fragment (`#…`).';
  const path = uri.replace(/^https:\/\/[^/]*/i, '');
  if (/\/\/|\/\.\.?(\/|$)/.test(path)) return 'A resource URI path cannot have `//`, `/./` or `/../` in it.';
  return undefined;
};

/** A new resource's URI, checked as Authgear checks it. */
export const newUriSchema = z
  .string({ error: 'Give the resource URI.' })
  .transform(unwrapLink)
  .superRefine((uri, ctx) => {
    const problem = resourceUriProblem(uri);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
  });

/** An existing resource's URI: Authgear looks it up and says when there is none. */
export const uriSchema = z
  .string({ error: 'Give the resource URI.' })
  .transform(unwrapLink)
  .pipe(
    z
      .string()
      .min(1, 'Give the resource URI.')
      .max(2000, 'That resource URI is too long.')
      .regex(/^\S+$/, 'A resource URI has no spaces.'),
  );

/** Scopes Authgear defines itself (pkg/lib/oauth/scope.go AllowedScopes): a resource cannot declare them. */
const RESERVED_SCOPES = new Set([
  'offline_access',
  'device_sso',
  'openid',
  'profile',
  'email',
  'address',
  'phone',
]);

export const scopeProblem = (scope: string): string | undefined => {
  if (scope === '') return 'Give the scope, like `orders:read`.';
  if ([...scope].length > SCOPE_MAX) return `A scope has at most ${SCOPE_MAX} characters.`;
  if (!SCOPE_TOKEN.test(scope))
    return `The scope ${showScope(scope)} can use only printable ASCII, without spaces, \`"\` or \`\\\`.`;
  if (scope.startsWith('https://authgear.com') || RESERVED_SCOPES.has(scope))
    return `The scope ${showScope(scope)} is Authgear's own: pick another name.`;
  return undefined;
};

export const scopeSchema = z
  .string({ error: 'Give the scope.' })
  .trim()
  .superRefine((scope, ctx) => {
    const problem = scopeProblem(scope);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
  });

/** A scope of an existing resource (Authgear says when it does not know it). */
export const existingScopeSchema = z
  .string({ error: 'Give the scope.' })
  .trim()
  .min(1, 'Give the scope.')
  .max(SCOPE_MAX, `A scope has at most ${SCOPE_MAX} characters.`)
  .regex(SCOPE_TOKEN, 'A scope has no spaces, `"` or `\\`.');

/** Scope strings of an existing resource (Authgear says which one it does not know). */
export const scopeListSchema = (min: 0 | 1) =>
  z
    .array(z.string(), { error: 'Name the scopes.' })
    .transform((scopes) => [...new Set(scopes.map((s) => s.trim()).filter((s) => s !== ''))])
    .superRefine((scopes, ctx) => {
      if (scopes.length < min) ctx.addIssue({ code: 'custom', message: 'Name at least one scope.' });
      if (scopes.length > MAX_SCOPES)
        ctx.addIssue({ code: 'custom', message: `Name at most ${MAX_SCOPES} scopes at once.` });
      const bad = scopes.find((s) => s.length > SCOPE_MAX || !SCOPE_TOKEN.test(s));
      if (bad !== undefined) ctx.addIssue({ code: 'custom', message: `${showScope(bad)} is not a scope.` });
    });

/** An OAuth client ID of the project (Authgear checks that it is one). */
export const clientIdSchema = z
  .string({ error: 'Give the OAuth client ID.' })
  .trim()
  .min(1, 'Give the OAuth client ID.')
  .max(200, 'That client ID is too long.')
  .regex(/^[\x21-\x7E]+$/, 'A client ID has no spaces.');

/** Optional text (a name, a description); "" means "clear" where an update takes it. */
export const optionalText = (what: string) =>
  z.string().trim().max(TEXT_MAX, `Keep the ${what} under ${TEXT_MAX} characters.`).optional();

export const textValue = (values: FieldValues, id: string): string | undefined => {
  const v = values[id];
  const text = typeof v === 'string' ? v.trim() : undefined;
  return text === '' ? undefined : text;
};

/** Scopes typed in one box or as slash words: separated by spaces, commas or new lines. */
export const splitScopes = (text: string | readonly string[] | undefined): string[] =>
  text === undefined
    ? []
    : (typeof text === 'string' ? [text] : text).flatMap((p) => p.split(/[\s,]+/)).filter((s) => s !== '');

export const showUri = (uri: string): string => codeText(uri, URI_MAX + 20);
export const showScope = (scope: string): string => codeText(scope, SCOPE_MAX + 10);
export const showClient = (clientId: string): string => codeText(clientId, 210);
export const showScopes = (scopes: readonly string[], max = 10): string =>
  scopes.length === 0
    ? '_none_'
    : `${scopes.slice(0, max).map(showScope).join(', ')}${scopes.length > max ? ` and ${scopes.length - max} more` : ''}`;

/** What a resource request names, so Authgear's errors can be told back naming it. */
export interface Named {
  readonly uri: string;
  readonly scope?: string;
  readonly clientId?: string;
}

const MESSAGES: Record<string, (n: Named) => string> = {
  ResourceNotFound: (n) =>
    `Authgear has no resource ${showUri(n.uri)}. See them with \`/authgear resources\`.`,
  ResourceDuplicateURI: (n) => `A resource ${showUri(n.uri)} already exists.`,
  ScopeNotFound: (n) =>
    `${n.scope ? `The scope ${showScope(n.scope)} does` : 'One of those scopes does'} not exist on ${showUri(n.uri)}. See them with \`/authgear resource ${n.uri}\`.`,
  ScopeDuplicate: (n) => `${showUri(n.uri)} already has the scope ${showScope(n.scope ?? '')}.`,
  ClientNotFound: (n) =>
    `This Authgear project has no OAuth client ${showClient(n.clientId ?? '')}. Client IDs are in the Authgear Portal under Applications.`,
  ResourceNotAssociatedWithClient: (n) =>
    `${showUri(n.uri)} is not added to the client ${showClient(n.clientId ?? '')}: add it first with \`/authgear add-resource-to-client ${n.uri} ${n.clientId ?? '<client>'}\`.`,
};

/** Re-words Authgear's resource errors (by `reason`, never by message) so they name the URI, scope or client. */
export const withResourceErrors = async <T>(named: Named, run: () => Promise<T>): Promise<T> => {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const reason = e.details.reason;
    const message = typeof reason === 'string' ? MESSAGES[reason] : undefined;
    if (message === undefined) throw e;
    throw new AppError(e.code, message(named), { details: e.details, cause: e });
  }
};
