import { type AuthgearProject, DEFAULT_PROJECT } from '../authgear/project.js';
import { accessActions } from './access/index.js';
import { grantActions } from './grants/index.js';
import { resourceActions } from './resources/index.js';
import type { AnyActionDefinition } from './types.js';
import { userActionsFor } from './user/index.js';

/** Every action, for a project configured as `project` (which login ID keys it has). */
export const allActions = (project: AuthgearProject): readonly AnyActionDefinition[] => [
  ...userActionsFor(project),
  ...accessActions,
  ...grantActions,
  ...resourceActions,
];

/** Every action for Authgear's default project configuration (login IDs: email only). */
export const ALL_ACTIONS: readonly AnyActionDefinition[] = allActions(DEFAULT_PROJECT);

/** Definitions by key, failing fast on a duplicate key or verb (a programming error, caught by a unit test). */
export const indexActions = (defs: readonly AnyActionDefinition[]): Map<string, AnyActionDefinition> => {
  const byKey = new Map<string, AnyActionDefinition>();
  const verbs = new Set<string>();
  for (const def of defs) {
    if (byKey.has(def.key)) throw new Error(`duplicate action key ${def.key}`);
    for (const v of def.verbs) {
      if (verbs.has(v)) throw new Error(`duplicate verb ${v}`);
      verbs.add(v);
    }
    byKey.set(def.key, def);
  }
  return byKey;
};

export const actionForVerb = (
  defs: readonly AnyActionDefinition[],
  verb: string,
): AnyActionDefinition | undefined => defs.find((d) => d.verbs.includes(verb));
