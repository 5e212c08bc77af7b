import { updateUser } from '../../../authgear/operations/records.js';
import type { AuthgearUser } from '../../../authgear/operations/user-fields.js';
import { getUserNode } from '../../../authgear/operations/users.js';
import { safe } from '../../../blocks/primitives.js';
import { userLabel } from '../../../blocks/user-card.js';
import { AppError } from '../../../errors.js';
import { ActionKeys } from '../../keys.js';
import { type ActionContext, defineAction } from '../../types.js';
import {
  describeEdits,
  type EditsBySection,
  editsOf,
  hasEdits,
  mergeAttributes,
  writableStandard,
} from './attributes.js';
import {
  attributesOf,
  EDIT_USAGE,
  type EditInput,
  editFields,
  editFromArgs,
  editFromFields,
  editInput,
} from './edit-input.js';
import { identityBackedEdits, type NotSaved, notSaved } from './edit-rules.js';

const CONFLICT = 'The user changed since you opened this form; reload and try again';

const assertUnchanged = (input: EditInput, user: AuthgearUser): void => {
  if (input.expectedUpdatedAt !== undefined && user.updatedAt !== input.expectedUpdatedAt) {
    throw new AppError('state.conflict', CONFLICT, {
      details: { expected: input.expectedUpdatedAt, actual: user.updatedAt },
    });
  }
};

const editsOrThrow = (input: EditInput, user: AuthgearUser): EditsBySection => {
  const edits = editsOf(identityBackedEdits(attributesOf(input), user), user);
  if (!hasEdits(edits))
    throw new AppError('state.no_change', 'Those values are already set: there is nothing to change.');
  return edits;
};

/** Reads the user fresh, straight from Authgear (never a cached or earlier copy), before writing. */
const readFresh = async (ctx: ActionContext, userId: string): Promise<AuthgearUser> => {
  const { node } = await ctx.api.run(getUserNode, { id: userId }, ctx.auditContext);
  if (node === null || node.__typename !== 'User' || !('standardAttributes' in node))
    throw new AppError('user.not_found', 'That Authgear user no longer exists.');
  return node;
};

/** An attribute key as inline code (validated keys hold only letters, digits, `_` and `.`). */
const keyCode = (key: string): string => (/^[\w.]{1,80}$/.test(key) ? `\`${key}\`` : safe(key, 80));

/** Words for what Authgear did not keep; a custom attribute it dropped is one the project does not have. */
const notSavedLine = (lost: readonly NotSaved[]): string => {
  const custom = lost.filter((x) => x.custom).map((x) => keyCode(x.key));
  const standard = lost.filter((x) => !x.custom).map((x) => keyCode(x.key));
  return [
    ...(custom.length > 0
      ? [
          `Not saved: ${custom.join(', ')}: this Authgear project has no such custom attribute (an admin can add it in the Authgear Portal under User Profile → Custom Attributes).`,
        ]
      : []),
    ...(standard.length > 0
      ? [`Not saved as sent: ${standard.join(', ')} (Authgear kept another value).`]
      : []),
  ].join(' ');
};

const changeLines = (edits: EditsBySection): string[] =>
  describeEdits(edits).map(({ key, value }) =>
    value === undefined ? `${keyCode(key)} is removed` : `${keyCode(key)} → ${safe(value, 300)}`,
  );

export const editAction = defineAction({
  key: ActionKeys.edit,
  verbs: ['edit'],
  permission: 'user.edit',
  versioned: true,
  title: 'Edit attributes',
  usage: EDIT_USAGE,
  description: 'Changes standard or custom attributes; every other attribute is kept. `key=` removes one.',
  cardButton: { label: 'Edit attributes' },
  input: editInput,
  fromArgs: editFromArgs,
  fields: editFields,
  fromFields: editFromFields,
  check: (input, user) => {
    if (user === undefined) return;
    assertUnchanged(input, user);
    editsOrThrow(input, user);
  },
  confirm: (input, user) => {
    const lines = user === undefined ? [] : changeLines(editsOf(attributesOf(input), user));
    return {
      title: 'Edit attributes',
      target: user === undefined ? safe(input.userId, 200) : userLabel(user),
      consequences: [...lines, 'Every other attribute stays as it is.'],
      confirmLabel: 'Save changes',
      danger: false,
    };
  },
  execute: async (ctx, input) => {
    const fresh = await readFresh(ctx, input.userId);
    assertUnchanged(input, fresh);
    const edits = editsOrThrow(input, fresh);
    const standardAttributes = mergeAttributes(writableStandard(fresh.standardAttributes), edits.standard);
    const customAttributes = mergeAttributes(fresh.customAttributes, edits.custom);
    const { updateUser: saved } = await ctx.api.run(
      updateUser,
      { input: { userID: fresh.id, standardAttributes, customAttributes } },
      ctx.auditContext,
    );
    // Authgear answers with what it stored: anything it dropped is reported, never counted as changed.
    const lost = notSaved(edits, saved.user);
    const n = describeEdits(edits).length - lost.length;
    if (n === 0)
      return { message: `Nothing was saved for ${userLabel(fresh)}. ${notSavedLine(lost)}`, warning: true };
    const changed = `${n} attribute${n === 1 ? '' : 's'} changed`;
    // Named as Authgear now has them (a renamed user by the new name).
    const after = userLabel({ id: fresh.id, standardAttributes: saved.user.standardAttributes });
    return {
      message:
        lost.length === 0
          ? `Updated ${after}: ${changed}.`
          : `Updated ${after}: ${changed}. ${notSavedLine(lost)}`,
    };
  },
  summary: (input) => {
    const keys = Object.keys(attributesOf(input));
    return `Edited attributes: ${keys.map(keyCode).join(', ')}`;
  },
});
