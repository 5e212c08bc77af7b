import { z } from 'zod';
import { createScope } from '../../authgear/operations/resources.js';
import { safe } from '../../blocks/primitives.js';
import { ActionKeys } from '../keys.js';
import { defineAction } from '../types.js';
import {
  optionalText,
  scopeSchema,
  showScope,
  showUri,
  textValue,
  uriSchema,
  withResourceErrors,
} from './shared.js';

const input = z.object({
  userId: z.string().optional(),
  uri: uriSchema,
  scope: scopeSchema,
  description: optionalText('description'),
});
export type CreateScopeInput = z.output<typeof input>;

export const createScopeAction = defineAction<CreateScopeInput>({
  key: ActionKeys.createScope,
  verbs: ['create-scope'],
  permission: 'resource.manage',
  title: 'Create scope',
  usage: 'create-scope <uri> <scope> [description…]',
  description: 'add a scope to an API resource',
  targetsUser: false,
  input,
  fromArgs: (args) => {
    const [uri, scope, ...description] = args;
    if (uri === undefined || scope === undefined) return 'modal';
    return { uri, scope, ...(description.length > 0 ? { description: description.join(' ') } : {}) };
  },
  fields: () => [
    { kind: 'text', id: 'uri', label: 'Resource URI', maxLength: 100 },
    { kind: 'text', id: 'scope', label: 'Scope', maxLength: 100, placeholder: 'orders:read' },
    {
      kind: 'text',
      id: 'description',
      label: 'Description',
      optional: true,
      multiline: true,
      maxLength: 500,
    },
  ],
  fromFields: (values) => ({
    uri: textValue(values, 'uri') ?? '',
    scope: textValue(values, 'scope') ?? '',
    description: textValue(values, 'description'),
  }),
  confirm: (i) => ({
    title: 'Create scope',
    target: `${showScope(i.scope)} on ${showUri(i.uri)}`,
    consequences: [
      `Description: ${i.description ? safe(i.description, 500) : '_none_'}`,
      'No client has it until you add it with `add-scopes-to-client`.',
    ],
    confirmLabel: 'Create scope',
    danger: false,
  }),
  execute: async (ctx, i) => {
    await withResourceErrors({ uri: i.uri, scope: i.scope }, () =>
      ctx.api.run(
        createScope,
        { input: { resourceURI: i.uri, scope: i.scope, description: i.description || null } },
        ctx.auditContext,
      ),
    );
    return { message: `Created the scope ${showScope(i.scope)} on ${showUri(i.uri)}.` };
  },
  summary: (i) => `Create scope ${showScope(i.scope)} on ${showUri(i.uri)}`,
});
