/**
 * createAuthenticator as pkg/admin/graphql/authenticator_mutation.go runs it: the definition checked, then
 * AuthenticatorFacade.CreateBySpec (pkg/admin/facade/authenticator.go) = Service.New (password policy, OOB target
 * checks: pkg/lib/authn/authenticator/{password,oob}/provider.go) then Service.Create (duplicate check by
 * Info.Equal, then the insert, whose foreign key makes an unknown user a bare "unexpected error").
 */
import { type FakeContext, inputOf, type RootField, str } from './context.js';
import { checkPassword } from './credentials.js';
import { duplicatedAuthenticator, invalid, invalidId } from './errors.js';
import type { FakeAuthenticator, FakeUser } from './model.js';
import { rawIdOf } from './node-id.js';
import { validationFailed } from './resource-formats.js';
import { makeAuthenticator } from './seed.js';
import { authenticatorView } from './views.js';

const EMAIL_CLAIM = 'https://authgear.com/claims/oob_otp/email';
const PHONE_CLAIM = 'https://authgear.com/claims/oob_otp/phone';
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const E164 = /^\+[1-9]\d{6,14}$/;

type Kind = FakeAuthenticator['kind'];
type Spec =
  | { type: 'PASSWORD'; password: string }
  | { type: 'OOB_OTP_EMAIL'; email: string }
  | { type: 'OOB_OTP_SMS'; phone: string };

const field = (definition: Record<string, unknown>, name: string): Record<string, unknown> | undefined => {
  const v = definition[name];
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined;
};

/** authenticator_mutation.go: the part of the definition matching `type` must be there. */
const specOf = (definition: Record<string, unknown>): Spec => {
  switch (definition.type) {
    case 'OOB_OTP_EMAIL': {
      const def = field(definition, 'oobOtpEmail');
      if (def === undefined) throw invalid('definition/oobOtpEmail is required');
      return { type: 'OOB_OTP_EMAIL', email: str(def.email) ?? '' };
    }
    case 'OOB_OTP_SMS': {
      const def = field(definition, 'oobOtpSMS');
      if (def === undefined) throw invalid('definition/oobOtpSMS is required');
      return { type: 'OOB_OTP_SMS', phone: str(def.phone) ?? '' };
    }
    case 'PASSWORD': {
      const def = field(definition, 'password');
      if (def === undefined) throw invalid('definition/password is required');
      return { type: 'PASSWORD', password: str(def.password) ?? '' };
    }
    default:
      throw invalid('unsupported authenticator type');
  }
};

/** oob/provider.go New: an email target must be an email, a phone target E.164; both are normalized. */
const targetError = (format: 'email' | 'phone') =>
  validationFailed([{ location: '', kind: 'format', details: { format } }]);

/** Service.New: the authenticator as it would be stored. */
const build = (ctx: FakeContext, kind: Kind, spec: Spec, user: FakeUser | undefined): FakeAuthenticator => {
  const at = ctx.store.nowIso();
  switch (spec.type) {
    case 'PASSWORD':
      // password/provider.go New panics on an empty plain password; graphql-go turns the panic into an error.
      if (spec.password === '') throw new Error('invalid password spec');
      checkPassword(ctx, spec.password, user);
      return { ...makeAuthenticator(kind, 'PASSWORD', at, { password: spec.password }), isDefault: false };
    case 'OOB_OTP_EMAIL': {
      if (!EMAIL.test(spec.email.trim())) throw targetError('email');
      const email = spec.email.trim().toLowerCase();
      return {
        ...makeAuthenticator(kind, spec.type, at, { claims: { [EMAIL_CLAIM]: email } }),
        isDefault: false,
      };
    }
    case 'OOB_OTP_SMS': {
      const phone = spec.phone.replace(/[\s()-]/g, '');
      if (!E164.test(phone)) throw targetError('phone');
      return {
        ...makeAuthenticator(kind, spec.type, at, { claims: { [PHONE_CLAIM]: phone } }),
        isDefault: false,
      };
    }
  }
};

/** authenticator/info.go Equal: passwords by kind; OOB by kind and target. */
const isSame = (a: FakeAuthenticator, b: FakeAuthenticator): boolean =>
  a.type === b.type &&
  a.kind === b.kind &&
  (a.type === 'PASSWORD' ||
    (a.type === 'OOB_OTP_EMAIL' && a.claims[EMAIL_CLAIM] === b.claims[EMAIL_CLAIM]) ||
    (a.type === 'OOB_OTP_SMS' && a.claims[PHONE_CLAIM] === b.claims[PHONE_CLAIM]));

export const authenticatorMutations: Record<string, RootField> = {
  createAuthenticator: (args, ctx) => {
    const input = inputOf(args);
    const userId = typeof input.userID === 'string' ? rawIdOf(input.userID, 'User') : undefined;
    if (userId === undefined) throw invalidId('user');
    const definition = field(input, 'definition') ?? {};
    const kind: Kind = definition.kind === 'SECONDARY' ? 'SECONDARY' : 'PRIMARY';
    const user = ctx.store.user(userId);
    const created = build(ctx, kind, specOf(definition), user);
    if (user?.authenticators.some((a) => isSame(a, created))) throw duplicatedAuthenticator(created.type);
    // The insert's foreign key to _auth_user: not an API error, so Authgear answers without extensions.
    if (user === undefined) throw new Error('unexpected error');
    user.authenticators.push(created);
    // password/provider.go Create records the new password in the history too.
    if (created.password !== undefined) user.passwordHistory = [created.password, ...user.passwordHistory];
    ctx.store.touch(user);
    return { authenticator: authenticatorView(created) };
  },
};
