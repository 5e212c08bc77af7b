import { z } from 'zod';
import {
  addScopesToClientId,
  removeScopesFromClientId,
  replaceScopesOfClientId,
} from '../../authgear/operations/resources.js';
import type { ActionKey } from '../keys.js';
import { type ActionDefinition, defineAction } from '../types.js';
import {
  clientIdSchema,
  scopeListSchema,
  showClient,
  showScopes,
  showUri,
  splitScopes,
  textValue,
  uriSchema,
  withResourceErrors,
} from './shared.js';

type Mode = 'add' | 'remove' | 'replace';

const inputFor = (mode: Mode) =>
  z.object({
    userId: z.string().optional(),
    uri: uriSchema,
    clientId: clientIdSchema,
    scopes: scopeListSchema(mode === 'replace' ? 0 : 1),
  });
export type ClientScopesInput = z.output<ReturnType<typeof inputFor>>;

const WORDS: Record<Mode, { verb: string; title: string; description: string }> = {
  add: {
    verb: 'add-scopes-to-client',
    title: 'Add scopes to client',
    description: 'give a client scopes of a resource',
  },
  remove: {
    verb: 'remove-scopes-from-client',
    title: 'Remove scopes from client',
    description: 'take scopes of a resource from a client',
  },
  replace: {
    verb: 'replace-scopes-of-client',
    title: 'Replace scopes of client',
    description: "set a client's scopes of a resource (none = all removed)",
  },
};

const consequence = (mode: Mode, i: ClientScopesInput): string => {
  const scopes = showScopes(i.scopes, 25);
  if (mode === 'add') return `Tokens the client gets for this API can carry: ${scopes}.`;
  if (mode === 'remove') return `New tokens the client gets for this API no longer carry: ${scopes}.`;
  return i.scopes.length === 0
    ? 'The client loses every scope of this API: new tokens carry none of them.'
    : `The client keeps or gains exactly ${scopes} on this API and loses any other.`;
};

/** The three client-scope mutations; each answers the client's scopes after the change. */
export const defineClientScopesAction = (key: ActionKey, mode: Mode): ActionDefinition<ClientScopesInput> => {
  const w = WORDS[mode];
  return defineAction({
    key,
    verbs: [w.verb],
    permission: 'resource.manage',
    title: w.title,
    usage: `${w.verb} <uri> <clientID> ${mode === 'replace' ? '[scope…]' : '<scope…>'}`,
    description: w.description,
    targetsUser: false,
    input: inputFor(mode),
    fromArgs: (args) => {
      const [uri, clientId, ...scopes] = args;
      if (uri === undefined || clientId === undefined || (scopes.length === 0 && mode !== 'replace'))
        return 'modal';
      return { uri, clientId, scopes: splitScopes(scopes) };
    },
    fields: () => [
      { kind: 'text', id: 'uri', label: 'Resource URI', maxLength: 100 },
      { kind: 'text', id: 'clientId', label: 'OAuth client ID', maxLength: 200 },
      {
        kind: 'text',
        id: 'scopes',
        label: 'Scopes',
        multiline: true,
        optional: mode === 'replace',
        hint: `Separate scopes with spaces, commas or new lines (up to 25).${mode === 'replace' ? ' Empty removes every scope.' : ''}`,
      },
    ],
    fromFields: (values) => ({
      uri: textValue(values, 'uri') ?? '',
      clientId: textValue(values, 'clientId') ?? '',
      scopes: splitScopes(values.scopes),
    }),
    confirm: (i) => ({
      title: w.title,
      target: `client ${showClient(i.clientId)} on ${showUri(i.uri)}`,
      consequences: [consequence(mode, i)],
      confirmLabel: w.title.split(' ')[0] ?? 'Confirm',
      danger: mode !== 'add',
    }),
    execute: async (ctx, i) => {
      const variables = { input: { resourceURI: i.uri, clientID: i.clientId, scopes: [...i.scopes] } };
      const named = {
        uri: i.uri,
        clientId: i.clientId,
        ...(i.scopes.length === 1 ? { scope: i.scopes[0] } : {}),
      };
      const after = await withResourceErrors(named, async () => {
        if (mode === 'add')
          return (await ctx.api.run(addScopesToClientId, variables, ctx.auditContext)).addScopesToClientID
            .scopes;
        if (mode === 'remove')
          return (await ctx.api.run(removeScopesFromClientId, variables, ctx.auditContext))
            .removeScopesFromClientID.scopes;
        return (await ctx.api.run(replaceScopesOfClientId, variables, ctx.auditContext))
          .replaceScopesOfClientID.scopes;
      });
      return {
        message: `Done. The client ${showClient(i.clientId)} now has on ${showUri(i.uri)}: ${showScopes(
          after.map((s) => s.scope),
          25,
        )}.`,
      };
    },
    summary: (i) => `${w.title} ${showClient(i.clientId)} on ${showUri(i.uri)}: ${showScopes(i.scopes)}`,
  });
};
