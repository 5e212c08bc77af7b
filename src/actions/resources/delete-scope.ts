import { z } from 'zod';
import { deleteScope } from '../../authgear/operations/resources.js';
import { ActionKeys } from '../keys.js';
import { defineAction } from '../types.js';
import {
  existingScopeSchema,
  showScope,
  showUri,
  textValue,
  uriSchema,
  withResourceErrors,
} from './shared.js';

const input = z.object({
  userId: z.string().optional(),
  uri: uriSchema,
  scope: existingScopeSchema,
});
export type DeleteScopeInput = z.output<typeof input>;

export const deleteScopeAction = defineAction<DeleteScopeInput>({
  key: ActionKeys.deleteScope,
  verbs: ['delete-scope'],
  permission: 'resource.manage',
  title: 'Delete scope',
  usage: 'delete-scope <uri> <scope>',
  description: 'delete a scope (every client loses it)',
  targetsUser: false,
  irreversible: true,
  input,
  fromArgs: (args) => {
    const [uri, scope] = args;
    return uri === undefined || scope === undefined ? 'modal' : { uri, scope };
  },
  fields: () => [
    { kind: 'text', id: 'uri', label: 'Resource URI', maxLength: 100 },
    { kind: 'text', id: 'scope', label: 'Scope to delete', maxLength: 100 },
  ],
  fromFields: (values) => ({
    uri: textValue(values, 'uri') ?? '',
    scope: textValue(values, 'scope') ?? '',
  }),
  confirm: (i) => ({
    title: 'Delete scope',
    target: `${showScope(i.scope)} on ${showUri(i.uri)}`,
    consequences: [
      'The scope is deleted for good and taken from every client that had it. This cannot be undone.',
      'New tokens no longer carry it; APIs that require it refuse those apps.',
    ],
    confirmLabel: 'Delete scope',
    danger: true,
  }),
  execute: async (ctx, i) => {
    const { scope } = i;
    await withResourceErrors({ uri: i.uri, scope }, () =>
      ctx.api.run(deleteScope, { input: { resourceURI: i.uri, scope } }, ctx.auditContext),
    );
    return { message: `Deleted the scope ${showScope(scope)} of ${showUri(i.uri)}.` };
  },
  summary: (i) => `Delete scope ${showScope(i.scope)} of ${showUri(i.uri)}`,
});
