import { z } from 'zod';
import { addResourceToClientId, removeResourceFromClientId } from '../../authgear/operations/resources.js';
import type { ActionKey } from '../keys.js';
import { type ActionDefinition, defineAction } from '../types.js';
import { clientIdSchema, showClient, showUri, textValue, uriSchema, withResourceErrors } from './shared.js';

const input = z.object({ userId: z.string().optional(), uri: uriSchema, clientId: clientIdSchema });
export type ClientLinkInput = z.output<typeof input>;

/** `add-resource-to-client <uri> <clientID>` and `remove-resource-from-client …`: one association, one mutation. */
export const defineClientLinkAction = (key: ActionKey, add: boolean): ActionDefinition<ClientLinkInput> => {
  const verb = add ? 'add-resource-to-client' : 'remove-resource-from-client';
  const title = add ? 'Add resource to client' : 'Remove resource from client';
  return defineAction({
    key,
    verbs: [verb],
    permission: 'resource.manage',
    title,
    usage: `${verb} <uri> <clientID>`,
    description: add
      ? 'let an OAuth client get tokens for an API'
      : 'stop an OAuth client getting tokens for an API',
    targetsUser: false,
    input,
    fromArgs: (args) => {
      const [uri, clientId] = args;
      return uri === undefined || clientId === undefined ? 'modal' : { uri, clientId };
    },
    fields: () => [
      { kind: 'text', id: 'uri', label: 'Resource URI', maxLength: 100 },
      { kind: 'text', id: 'clientId', label: 'OAuth client ID', maxLength: 200 },
    ],
    fromFields: (values) => ({
      uri: textValue(values, 'uri') ?? '',
      clientId: textValue(values, 'clientId') ?? '',
    }),
    confirm: (i) => ({
      title,
      target: `${showUri(i.uri)} ${add ? '→' : '✕'} client ${showClient(i.clientId)}`,
      consequences: add
        ? ['The client can ask for tokens to this API; give it scopes with `add-scopes-to-client`.']
        : [
            'The client gets no more tokens for this API.',
            'Authgear keeps its scope grants on the resource: they apply again if the resource is added back. Remove them first with `replace-scopes-of-client <uri> <client>` if they should go.',
          ],
      confirmLabel: add ? 'Add to client' : 'Remove from client',
      danger: !add,
    }),
    execute: async (ctx, i) => {
      const variables = { input: { resourceURI: i.uri, clientID: i.clientId } };
      await withResourceErrors({ uri: i.uri, clientId: i.clientId }, async () => {
        if (add) await ctx.api.run(addResourceToClientId, variables, ctx.auditContext);
        else await ctx.api.run(removeResourceFromClientId, variables, ctx.auditContext);
      });
      return {
        message: add
          ? `Added ${showUri(i.uri)} to the client ${showClient(i.clientId)}.`
          : `Removed ${showUri(i.uri)} from the client ${showClient(i.clientId)}.`,
      };
    },
    summary: (i) => `${title}: ${showUri(i.uri)} ${add ? '→' : '✕'} ${showClient(i.clientId)}`,
  });
};
