import { z } from 'zod';
import { deleteResource } from '../../authgear/operations/resources.js';
import { ActionKeys } from '../keys.js';
import { defineAction } from '../types.js';
import { showUri, textValue, uriSchema, withResourceErrors } from './shared.js';

const input = z.object({ userId: z.string().optional(), uri: uriSchema });
export type DeleteResourceInput = z.output<typeof input>;

export const deleteResourceAction = defineAction<DeleteResourceInput>({
  key: ActionKeys.deleteResource,
  verbs: ['delete-resource'],
  permission: 'resource.manage',
  title: 'Delete API resource',
  usage: 'delete-resource <uri>',
  description: 'delete an API resource and its scopes',
  targetsUser: false,
  irreversible: true,
  input,
  fromArgs: (args) => (args[0] === undefined ? 'modal' : { uri: args[0] }),
  fields: () => [{ kind: 'text', id: 'uri', label: 'Resource URI to delete', maxLength: 100 }],
  fromFields: (values) => ({ uri: textValue(values, 'uri') ?? '' }),
  confirm: (i) => ({
    title: 'Delete API resource',
    target: `resource ${showUri(i.uri)}`,
    consequences: [
      'The resource is deleted for good, with all its scopes. This cannot be undone.',
      'Every client loses it: new tokens carry none of its scopes, and APIs that check them refuse those apps.',
    ],
    confirmLabel: 'Delete resource',
    danger: true,
  }),
  execute: async (ctx, i) => {
    await withResourceErrors({ uri: i.uri }, () =>
      ctx.api.run(deleteResource, { input: { resourceURI: i.uri } }, ctx.auditContext),
    );
    return { message: `Deleted the API resource ${showUri(i.uri)} with its scopes and client links.` };
  },
  summary: (i) => `Delete API resource ${showUri(i.uri)}`,
});
