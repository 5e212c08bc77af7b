import { benchAck } from './ack.js';
import { benchApprovals } from './approvals.js';
import { benchAudit } from './audit.js';
import { benchCluster } from './cluster.js';
import { benchConfirmations } from './confirmations.js';
import { benchGrants } from './grants.js';
import { benchStartup } from './startup.js';
import { type BenchResult, printTable } from './table.js';

/** `npm run bench`: every benchmark, each with a baseline measured in the same run. */
const results: BenchResult[] = [];
for (const bench of [
  benchAck,
  benchApprovals,
  benchConfirmations,
  benchCluster,
  benchAudit,
  benchGrants,
  benchStartup,
])
  results.push(...(await bench()));
printTable(results);
