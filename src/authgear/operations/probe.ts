import { HealthProbeDocument } from '../documents/operations.generated.js';
import { defineOperation } from '../operation.js';

/**
 * The cheapest real question for Authgear: one user's ID from the plain list (no search index). It proves the
 * endpoint answers, the key is accepted and the project's data is reachable. Used by `/readyz` and `npm run check`.
 */
export const healthProbe = defineOperation(HealthProbeDocument);
