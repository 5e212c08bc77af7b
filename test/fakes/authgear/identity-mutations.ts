/** Mutations on identities, authenticators and authorizations. */
import { inputOf, type RootField, str } from './context.js';
import { checkPassword, primaryPassword, setPrimaryPassword } from './credentials.js';
import { invariantViolated } from './errors.js';
import { populateIdentityAttributes } from './identity-claims.js';
import {
  assertNoDuplicate,
  attachIdentity,
  loginIdDefinition,
  newLoginId,
  oobAuthenticatorFor,
} from './login-id-create.js';
import { validateLoginId } from './login-ids.js';
import { requireOwned, requireUser } from './lookup.js';
import { makeLoginIdIdentity } from './seed.js';
import { userPayload } from './user-status-mutations.js';
import { identityView, userView } from './views.js';

export const identityMutations: Record<string, RootField> = {
  /**
   * coordinator.go IdentityCreateByAdmin: an unconfigured key → InvalidLoginIDKey; duplicates refused; the
   * user's anonymous identities are removed; a primary password is created only when one is given and the user
   * has none, and an OOB-OTP authenticator for an email/phone when the project enables it.
   */
  createIdentity: (args, ctx) => {
    const input = inputOf(args);
    const u = requireUser(ctx.store, input.userID);
    const { key, value } = loginIdDefinition(ctx, input.definition);
    const identity = newLoginId(ctx, u, key, value);
    attachIdentity(u, identity);
    u.identities = u.identities.filter((i) => i.type !== 'ANONYMOUS');
    const password = str(input.password) ?? '';
    if (ctx.config.primaryAuthenticators.includes('password') && password !== '' && !primaryPassword(u)) {
      checkPassword(ctx, password, u);
      setPrimaryPassword(ctx, u, password, null);
    }
    const oob = oobAuthenticatorFor(ctx, identity);
    if (oob !== undefined) u.authenticators.push(oob);
    return { identity: identityView(identity), ...userPayload(ctx, u) };
  },
  /** update_identity_end.go: the identity must be the user's; the key stays; duplicates refused. */
  updateIdentity: (args, ctx) => {
    const input = inputOf(args);
    const u = requireUser(ctx.store, input.userID);
    const { user: owner, item } = requireOwned(input.identityID, 'Identity', (id) => ctx.store.identity(id));
    if (owner.id !== u.id)
      throw invariantViolated('IdentityNotBelongToUser', 'identity does not belong to the user');
    const { value } = loginIdDefinition(ctx, input.definition);
    const key = item.loginIdKey ?? 'email';
    const normalized = validateLoginId(ctx.config, key, value);
    const replacement = {
      ...makeLoginIdIdentity(key, value, ctx.store.nowIso()),
      id: item.id,
      createdAt: item.createdAt,
    };
    replacement.value = normalized;
    if (normalized !== item.value) assertNoDuplicate(ctx, u.id, replacement);
    u.identities = u.identities.map((i) => (i.id === item.id ? replacement : i));
    populateIdentityAttributes(u);
    return { identity: identityView(replacement), ...userPayload(ctx, u) };
  },
  /**
   * coordinator.go IdentityDelete (admin: bypassChecks): at least one login ID or OAuth identity must remain,
   * else InvariantViolated / RemoveLastIdentity. The primary-authenticator check is bypassed for the Admin API.
   */
  deleteIdentity: (args, ctx) => {
    const { user, item } = requireOwned(inputOf(args).identityID, 'Identity', (id) => ctx.store.identity(id));
    const remaining = user.identities.filter((i) => i.id !== item.id);
    if (!remaining.some((i) => i.type === 'LOGIN_ID' || i.type === 'OAUTH'))
      throw invariantViolated('RemoveLastIdentity', 'cannot remove last identity');
    user.identities = remaining;
    populateIdentityAttributes(user);
    return userPayload(ctx, user);
  },
  /**
   * interaction/nodes/do_remove_authenticator.go: "Admin is allowed to remove the last authenticator"; a passkey
   * authenticator is refused (its identity must be removed instead).
   */
  deleteAuthenticator: (args, ctx) => {
    const { user, item } = requireOwned(inputOf(args).authenticatorID, 'Authenticator', (id) =>
      ctx.store.authenticator(id),
    );
    if (item.kind === 'PRIMARY' && item.type === 'PASSKEY')
      throw invariantViolated(
        'RemovePasskeyAuthenticator',
        'cannot delete passkey authenticator, should delete passkey identity instead',
      );
    user.authenticators = user.authenticators.filter((a) => a.id !== item.id);
    return userPayload(ctx, user);
  },
  deleteAuthorization: (args, ctx) => {
    const { user, item } = requireOwned(inputOf(args).authorizationID, 'Authorization', (id) =>
      ctx.store.authorization(id),
    );
    user.authorizations = user.authorizations.filter((a) => a.id !== item.id);
    return { user: userView(ctx.store, ctx.store.touch(user)) };
  },
};
