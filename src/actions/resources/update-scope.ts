import { z } from 'zod';
import { updateScope } from '../../authgear/operations/resources.js';
import { safe } from '../../blocks/primitives.js';
import { AppError } from '../../errors.js';
import { ActionKeys } from '../keys.js';
import { defineAction } from '../types.js';
import {
  existingScopeSchema,
  optionalText,
  showScope,
  showUri,
  textValue,
  uriSchema,
  withResourceErrors,
} from './shared.js';

/** `description` "" removes it (Authgear's rule for updateScope). */
const input = z.object({
  userId: z.string().optional(),
  uri: uriSchema,
  scope: existingScopeSchema,
  description: optionalText('description').default(''),
});
export type UpdateScopeInput = z.output<typeof input>;

const USAGE = 'update-scope <uri> <scope> <description…|--no-description>';

export const updateScopeAction = defineAction<UpdateScopeInput>({
  key: ActionKeys.updateScope,
  verbs: ['update-scope'],
  permission: 'resource.manage',
  title: 'Describe scope',
  usage: USAGE,
  description: 'describe a scope (`--no-description` clears it)',
  targetsUser: false,
  input,
  fromArgs: (args) => {
    const [uri, scope, ...description] = args;
    if (uri === undefined || scope === undefined) return 'modal';
    if (description.length === 0) throw new AppError('input.usage', `Usage: \`/authgear ${USAGE}\``);
    const text = description.join(' ');
    return { uri, scope, description: text === '--no-description' ? '' : text };
  },
  fields: () => [
    { kind: 'text', id: 'uri', label: 'Resource URI', maxLength: 100 },
    { kind: 'text', id: 'scope', label: 'Scope', maxLength: 100 },
    {
      kind: 'text',
      id: 'description',
      label: 'New description',
      optional: true,
      multiline: true,
      maxLength: 500,
      hint: 'Empty removes the description.',
    },
  ],
  fromFields: (values) => ({
    uri: textValue(values, 'uri') ?? '',
    scope: textValue(values, 'scope') ?? '',
    description: textValue(values, 'description') ?? '',
  }),
  confirm: (i) => ({
    title: 'Describe scope',
    target: `${showScope(i.scope)} on ${showUri(i.uri)}`,
    consequences: [
      i.description ? `New description: ${safe(i.description, 500)}` : 'Its description is removed.',
    ],
    confirmLabel: 'Save',
    danger: false,
  }),
  execute: async (ctx, i) => {
    const { scope } = i;
    await withResourceErrors({ uri: i.uri, scope }, () =>
      ctx.api.run(
        updateScope,
        { input: { resourceURI: i.uri, scope, description: i.description } },
        ctx.auditContext,
      ),
    );
    return { message: `Updated the description of ${showScope(scope)} on ${showUri(i.uri)}.` };
  },
  summary: (i) => `Describe scope ${showScope(i.scope)} on ${showUri(i.uri)}`,
});
