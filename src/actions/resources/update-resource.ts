import { z } from 'zod';
import { updateResource } from '../../authgear/operations/resources.js';
import { safe } from '../../blocks/primitives.js';
import { AppError } from '../../errors.js';
import { ActionKeys } from '../keys.js';
import { defineAction } from '../types.js';
import { optionalText, showUri, textValue, uriSchema, withResourceErrors } from './shared.js';

/** `name` "" removes the name (Authgear's rule for updateResource). */
const input = z.object({
  userId: z.string().optional(),
  uri: uriSchema,
  name: optionalText('name').default(''),
});
export type UpdateResourceInput = z.output<typeof input>;

const USAGE = 'update-resource <uri> <new name…|--no-name>';

export const updateResourceAction = defineAction<UpdateResourceInput>({
  key: ActionKeys.updateResource,
  verbs: ['update-resource'],
  permission: 'resource.manage',
  title: 'Rename API resource',
  usage: USAGE,
  description: 'rename an API resource (`--no-name` clears it)',
  targetsUser: false,
  input,
  fromArgs: (args) => {
    const [uri, ...name] = args;
    if (uri === undefined) return 'modal';
    if (name.length === 0) throw new AppError('input.usage', `Usage: \`/authgear ${USAGE}\``);
    return { uri, name: name.join(' ') === '--no-name' ? '' : name.join(' ') };
  },
  fields: () => [
    { kind: 'text', id: 'uri', label: 'Resource URI', maxLength: 100 },
    {
      kind: 'text',
      id: 'name',
      label: 'New name',
      optional: true,
      maxLength: 500,
      hint: 'Empty removes the name.',
    },
  ],
  fromFields: (values) => ({ uri: textValue(values, 'uri') ?? '', name: textValue(values, 'name') ?? '' }),
  confirm: (i) => ({
    title: 'Rename API resource',
    target: `resource ${showUri(i.uri)}`,
    consequences: [i.name ? `New name: ${safe(i.name, 500)}` : 'Its name is removed.'],
    confirmLabel: 'Save',
    danger: false,
  }),
  execute: async (ctx, i) => {
    await withResourceErrors({ uri: i.uri }, () =>
      ctx.api.run(updateResource, { input: { resourceURI: i.uri, name: i.name } }, ctx.auditContext),
    );
    return {
      message: i.name
        ? `Renamed ${showUri(i.uri)} to ${safe(i.name, 200)}.`
        : `Removed the name of ${showUri(i.uri)}.`,
    };
  },
  summary: (i) =>
    i.name ? `Rename ${showUri(i.uri)} to ${safe(i.name, 200)}` : `Remove the name of ${showUri(i.uri)}`,
});
