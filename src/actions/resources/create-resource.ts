import { z } from 'zod';
import { createResource } from '../../authgear/operations/resources.js';
import { safe } from '../../blocks/primitives.js';
import { ActionKeys } from '../keys.js';
import { defineAction } from '../types.js';
import { newUriSchema, optionalText, showUri, textValue, withResourceErrors } from './shared.js';

const input = z.object({ userId: z.string().optional(), uri: newUriSchema, name: optionalText('name') });
export type CreateResourceInput = z.output<typeof input>;

export const createResourceAction = defineAction<CreateResourceInput>({
  key: ActionKeys.createResource,
  verbs: ['create-resource'],
  permission: 'resource.manage',
  title: 'Create API resource',
  usage: 'create-resource <https://uri> [name…]',
  description: 'register an API your apps call',
  targetsUser: false,
  input,
  fromArgs: (args) => {
    const [uri, ...name] = args;
    return uri === undefined ? 'modal' : { uri, ...(name.length > 0 ? { name: name.join(' ') } : {}) };
  },
  fields: () => [
    {
      kind: 'text',
      id: 'uri',
      label: 'Resource URI',
      maxLength: 100,
      placeholder: 'https://api.example.com',
      hint: 'An https:// URL without a query or fragment, up to 100 characters. It cannot be changed later.',
    },
    { kind: 'text', id: 'name', label: 'Name', optional: true, maxLength: 500 },
  ],
  fromFields: (values) => ({ uri: textValue(values, 'uri') ?? '', name: textValue(values, 'name') }),
  confirm: (i) => ({
    title: 'Create API resource',
    target: `resource ${showUri(i.uri)}`,
    consequences: [
      `Name: ${i.name ? safe(i.name, 500) : '_none_'}`,
      'It has no scopes and no client yet: add them with `create-scope` and `add-resource-to-client`.',
    ],
    confirmLabel: 'Create resource',
    danger: false,
  }),
  execute: async (ctx, i) => {
    await withResourceErrors({ uri: i.uri }, () =>
      ctx.api.run(createResource, { input: { resourceURI: i.uri, name: i.name || null } }, ctx.auditContext),
    );
    return {
      message: `Created the API resource ${showUri(i.uri)}${i.name ? ` (${safe(i.name, 200)})` : ''}.`,
    };
  },
  summary: (i) => `Create API resource ${showUri(i.uri)}`,
});
