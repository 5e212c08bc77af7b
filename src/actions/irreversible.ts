import type { Policy } from '../config/policy.js';
import type { AppLogger } from '../logger.js';
import { grants } from '../permissions/authorize.js';
import type { AnyActionDefinition } from './types.js';

/**
 * Irreversible actions some role may run with no approval in the policy: start-up warns about each (a second
 * person should look at a change that cannot be undone).
 */
export const ungatedIrreversible = (
  policy: Policy,
  actions: readonly AnyActionDefinition[],
): Array<{ readonly verb: string; readonly permission: string }> => {
  const roles = [...policy.roleActions.keys()];
  return actions
    .filter((d) => d.irreversible === true && policy.approvals[d.permission] === undefined)
    .filter((d) => grants(policy, roles, d.permission))
    .map((d) => ({ verb: d.verbs[0] ?? d.key, permission: d.permission }));
};

/** One start-up warning naming every irreversible action the policy leaves ungated (nothing when there is none). */
export const warnUngatedIrreversible = (
  policy: Policy,
  actions: readonly AnyActionDefinition[],
  logger: AppLogger,
): void => {
  const ungated = ungatedIrreversible(policy, actions);
  if (ungated.length > 0)
    logger.warn(
      { actions: ungated.map((a) => `${a.verb} (${a.permission})`) },
      'the policy lets these irreversible actions run without an approval; add an approvals rule for each permission',
    );
};
