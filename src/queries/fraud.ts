/**
 * `/authgear fraud [--since 24h] [phone, IP or country]`: why Authgear blocked or flagged SMS (its fraud protection),
 * with the overview of the window on the first page and the decisions paged, newest first. Paging pins the end of
 * the window (`--until`), so a page never repeats one that came before when new decisions arrive.
 */
import { getFraudOverview, listFraudDecisions } from '../authgear/operations/fraud.js';
import { fraudDecisionBlocks, fraudOverviewBlocks } from '../blocks/fraud.js';
import type { AccessPageValue } from '../blocks/payloads.js';
import { capBlocks } from '../blocks/primitives.js';
import { parseDuration } from '../config/duration.js';
import { AppError } from '../errors.js';
import type { QueryVerb } from './types.js';

export const FRAUD_PAGE_SIZE = 10;
const DAY_MS = 86_400_000;
/** Authgear's overview spans at most 90 days (audit/fraud_protection_overview.go). */
const MAX_WINDOW_MS = 90 * DAY_MS;
const USAGE = 'fraud [--since 24h] [phone, IP or country]';
const CURSOR = /^[A-Za-z0-9_=+/-]{1,500}$/;

interface FraudArgs {
  readonly since: string;
  readonly sinceMs: number;
  readonly until: string | undefined;
  readonly search: string | undefined;
  readonly after: string | undefined;
}

export const parseFraudArgs = (args: readonly string[]): FraudArgs => {
  let since = '24h';
  let until: string | undefined;
  let after: string | undefined;
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const word = args[i] ?? '';
    const flag = /^--(since|until|after)(?:=(.*))?$/.exec(word);
    if (flag === null) {
      words.push(word);
      continue;
    }
    const value = flag[2] ?? args[++i];
    if (value === undefined) throw new AppError('input.usage', `Usage: \`/authgear ${USAGE}\``);
    if (flag[1] === 'since') since = value;
    else if (flag[1] === 'until') {
      if (Number.isNaN(Date.parse(value)))
        throw new AppError('input.usage', 'That page link is no longer valid.');
      until = new Date(Date.parse(value)).toISOString();
    } else if (CURSOR.test(value)) after = value;
    else throw new AppError('input.usage', 'That page link is no longer valid. Run `fraud` again.');
  }
  const sinceMs = parseDuration(since);
  if (sinceMs === undefined)
    throw new AppError('input.invalid', 'Give `--since` as a duration such as `90m`, `24h` or `7d`.');
  if (sinceMs > MAX_WINDOW_MS)
    throw new AppError(
      'input.invalid',
      'Authgear keeps this overview for at most 90 days: use `--since 90d` or less.',
    );
  const search = words.join(' ').trim();
  if (search.length > 60)
    throw new AppError('input.invalid', 'Search by a phone number, an IP or a country code.');
  return { since, sinceMs, until, search: search === '' ? undefined : search, after };
};

export const fraudQuery: QueryVerb = {
  verbs: ['fraud'],
  permission: 'fraud.view',
  usage: USAGE,
  description: 'why SMS were blocked or flagged (fraud protection)',
  async run(ctx, args) {
    const parsed = parseFraudArgs(args);
    const rangeTo = parsed.until ?? ctx.now.toISOString();
    const rangeFrom = new Date(Date.parse(rangeTo) - parsed.sinceMs).toISOString();
    const logs = ctx.api.run(
      listFraudDecisions,
      {
        rangeFrom,
        rangeTo,
        search: parsed.search ?? null,
        first: FRAUD_PAGE_SIZE,
        after: parsed.after ?? null,
      },
      ctx.auditContext,
    );
    const overview =
      parsed.after === undefined
        ? ctx.api.run(getFraudOverview, { rangeFrom, rangeTo }, ctx.auditContext)
        : undefined;
    const [page, summary] = await Promise.all([logs, overview]);
    const next: AccessPageValue | undefined =
      page.hasNextPage && page.endCursor !== undefined
        ? {
            v: 'fraud',
            a: [
              '--since',
              parsed.since,
              '--until',
              rangeTo,
              ...(parsed.search ? parsed.search.split(/\s+/) : []),
              '--after',
              page.endCursor,
            ],
          }
        : undefined;
    return {
      text: `Authgear fraud protection, last ${parsed.since}`,
      blocks: capBlocks([
        ...(summary ? fraudOverviewBlocks(summary, parsed.since) : []),
        ...fraudDecisionBlocks(page, parsed.search, next),
      ]),
      replaceOriginal: true,
    };
  },
};
