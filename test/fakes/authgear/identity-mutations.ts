/** Mutations on identities, authenticators and authorizations. */
import { inputOf, type RootField, str } from './context.js';
import { invalid, invariantViolated } from './errors.js';
import { requireOwned, requireUser } from './lookup.js';
import { makeLoginIdIdentity } from './seed.js';
import {
  applyLoginIdAttribute,
  assertLoginIdFree,
  checkPassword,
  loginIdOf,
} from './user-credential-mutations.js';
import { userPayload } from './user-status-mutations.js';
import { identityView, userView } from './views.js';

export const identityMutations: Record<string, RootField> = {
  createIdentity: (args, ctx) => {
    const input = inputOf(args);
    const u = requireUser(ctx.store, input.userID);
    const { key, value } = loginIdOf(input.definition);
    assertLoginIdFree(ctx, key, value);
    const password = str(input.password);
    if (password !== undefined) checkPassword(ctx, password);
    const identity = makeLoginIdIdentity(key, value, ctx.store.nowIso());
    u.identities.push(identity);
    applyLoginIdAttribute(u, key, value);
    return { identity: identityView(identity), ...userPayload(ctx, u) };
  },
  updateIdentity: (args, ctx) => {
    const input = inputOf(args);
    const u = requireUser(ctx.store, input.userID);
    const { item } = requireOwned(input.identityID, 'Identity', (id) => ctx.store.identity(id));
    const { key, value } = loginIdOf(input.definition);
    if (item.loginIdKey !== key) throw invalid('login ID key cannot be changed');
    const owner = ctx.store.userByLoginId(key, value);
    if (owner !== undefined && owner.id !== u.id) throw invalid('identity belongs to another user');
    const replacement = {
      ...makeLoginIdIdentity(key, value, ctx.store.nowIso()),
      id: item.id,
      createdAt: item.createdAt,
    };
    u.identities = u.identities.map((i) => (i.id === item.id ? replacement : i));
    return { identity: identityView(replacement), ...userPayload(ctx, u) };
  },
  deleteIdentity: (args, ctx) => {
    const { user, item } = requireOwned(inputOf(args).identityID, 'Identity', (id) => ctx.store.identity(id));
    if (user.identities.length <= 1)
      throw invariantViolated('RemoveLastIdentity', 'cannot remove last identity');
    user.identities = user.identities.filter((i) => i.id !== item.id);
    return userPayload(ctx, user);
  },
  deleteAuthenticator: (args, ctx) => {
    const { user, item } = requireOwned(inputOf(args).authenticatorID, 'Authenticator', (id) =>
      ctx.store.authenticator(id),
    );
    const primaries = user.authenticators.filter((a) => a.kind === 'PRIMARY');
    const hasLoginId = user.identities.some((i) => i.type === 'LOGIN_ID');
    if (item.kind === 'PRIMARY' && primaries.length <= 1 && hasLoginId) {
      throw invariantViolated('RemoveLastPrimaryAuthenticator', 'cannot remove last primary authenticator');
    }
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
