/** `createUser` and `updateUser`. */
import * as status from './account-status.js';
import { validCustomAttributes, validStandardAttributes } from './attributes.js';
import { inputOf, type RootField, str } from './context.js';
import { checkPassword, generatedPassword, sendPassword } from './credentials.js';
import { userIsAnonymized } from './errors.js';
import { ownedClaims, populateIdentityAttributes, STANDARD_CLAIMS } from './identity-claims.js';
import { attachIdentity, loginIdDefinition, newLoginId, oobAuthenticatorFor } from './login-id-create.js';
import { requireUser } from './lookup.js';
import type { FakeAuthenticator } from './model.js';
import { makeAuthenticator } from './seed.js';
import { userPayload } from './user-status-mutations.js';
import { userView } from './views.js';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const userMutations: Record<string, RootField> = {
  /**
   * pkg/admin/graphql/user_mutation.go createUser + coordinator.go UserCreatebyAdmin: `password` null → none,
   * "" → generated; primary authenticators per `authentication.primary_authenticators`; `sendPassword` mails it
   * (SendPasswordNoTarget without an email); then the valid period is set.
   */
  createUser: (args, ctx) => {
    const input = inputOf(args);
    const { key, value } = loginIdDefinition(ctx, input.definition);
    const identity = newLoginId(ctx, undefined, key, value);
    const u = ctx.store.addUser({ password: null });
    attachIdentity(u, identity);
    const at = ctx.store.nowIso();
    const given =
      input.password === null || input.password === undefined ? undefined : (str(input.password) ?? '');
    const password = given === '' ? generatedPassword() : given;
    const authenticators: FakeAuthenticator[] = [];
    for (const type of ctx.config.primaryAuthenticators) {
      if (type === 'password' && password !== undefined) {
        checkPassword(ctx, password, u);
        const expireAfter = input.setPasswordExpired === true ? at : null;
        authenticators.push(
          makeAuthenticator('PRIMARY', 'PASSWORD', at, { password, expireAfter, isDefault: true }),
        );
        u.passwordHistory.unshift(password);
      } else if (type !== 'password') {
        const oob = oobAuthenticatorFor(ctx, identity);
        if (oob !== undefined && oob.type === (type === 'oob_otp_email' ? 'OOB_OTP_EMAIL' : 'OOB_OTP_SMS'))
          authenticators.push(oob);
      }
    }
    u.authenticators.push(...authenticators);
    if (
      input.sendPassword === true &&
      password !== undefined &&
      ctx.config.primaryAuthenticators.includes('password')
    )
      sendPassword(ctx, u, password, 'send_password_to_new_user');
    const period = status.setValidPeriod(
      str(input.accountValidFrom) ?? null,
      str(input.accountValidUntil) ?? null,
    );
    status.applyStatus(u, period(status.statusOf(u), ctx.store.now().getTime()));
    return { user: userView(ctx.store, u) };
  },
  /**
   * user_profile.go UpdateUserProfile: each attribute object given is replaced WHOLE. Standard attributes are
   * validated; an email/phone/username that is not one of the user's identities fails with a plain
   * `fmt.Errorf` — "unexpected error", no extensions — and omitted ones are filled back from the identities.
   * Custom attributes the project does not configure are dropped silently.
   */
  updateUser: (args, ctx) => {
    const input = inputOf(args);
    const u = requireUser(ctx.store, input.userID);
    if (u.isAnonymized) throw userIsAnonymized();
    if (isObject(input.standardAttributes)) {
      const attrs = validStandardAttributes(input.standardAttributes);
      const owned = ownedClaims(u);
      for (const name of STANDARD_CLAIMS) {
        const v = attrs[name];
        if (typeof v === 'string' && !owned[name].includes(v)) throw new Error(`unowned ${name}: ${v}`);
      }
      u.standardAttributes = attrs;
      populateIdentityAttributes(u);
    }
    if (isObject(input.customAttributes))
      u.customAttributes = validCustomAttributes(ctx.config, input.customAttributes);
    return userPayload(ctx, u);
  },
};
