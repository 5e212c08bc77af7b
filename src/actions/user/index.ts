import type { AuthgearProject } from '../../authgear/project.js';
import type { AnyActionDefinition } from '../types.js';
import { accountActions } from './account/index.js';
import { recordActionsFor } from './records/index.js';

/** Every user-account action; each lives in its own file under account/ or records/. */
export const userActionsFor = (project: AuthgearProject): readonly AnyActionDefinition[] => [
  ...accountActions,
  ...recordActionsFor(project),
];
