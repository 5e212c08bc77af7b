/**
 * Authgear's fraud protection for SMS: the overview of a window and the decisions, each with why it was flagged or
 * blocked. Pure: data in, blocks out.
 */
import type { FraudDecision, FraudDecisionPage, FraudOverview } from '../authgear/operations/fraud.js';
import { ActionIds, BlockIds } from './ids.js';
import { type AccessPageValue, accessPageValue } from './payloads.js';
import {
  type Block,
  button,
  capBlocks,
  codeSpan,
  context,
  fields,
  header,
  LIMITS,
  safe,
  section,
  slackDate,
} from './primitives.js';

/** Why Authgear flagged an SMS (FraudProtectionWarningType), in words. */
const WARNINGS: Record<string, string> = {
  SMS__PHONE_COUNTRIES__BY_IP__DAILY_THRESHOLD_EXCEEDED:
    'this IP sent codes to too many phone countries today',
  SMS__UNVERIFIED_OTPS__BY_IP__DAILY_THRESHOLD_EXCEEDED: 'too many unused codes from this IP today',
  SMS__UNVERIFIED_OTPS__BY_IP__HOURLY_THRESHOLD_EXCEEDED: 'too many unused codes from this IP this hour',
  SMS__UNVERIFIED_OTPS__BY_PHONE_COUNTRY__DAILY_THRESHOLD_EXCEEDED:
    "too many unused codes to this phone number's country today",
  SMS__UNVERIFIED_OTPS__BY_PHONE_COUNTRY__HOURLY_THRESHOLD_EXCEEDED:
    "too many unused codes to this phone number's country this hour",
};

export const warningText = (w: string): string =>
  WARNINGS[w] ?? safe(w.toLowerCase().replace(/_+/g, ' '), 120);

const counts = (c: { total: number; blocked: number; flagged: number }): string =>
  `${c.total} SMS · ${c.blocked} blocked · ${c.flagged} flagged`;

const topLines = <T extends { total: number; blocked: number; flagged: number }>(
  title: string,
  rows: readonly T[],
  name: (row: T) => string,
): string =>
  rows.length === 0
    ? `*${title}*: _none_`
    : [`*${title}*`, ...rows.slice(0, 5).map((r) => `• ${name(r)}: ${counts(r)}`)].join('\n');

/** Totals and the top sources over the window. */
export const fraudOverviewBlocks = (o: FraudOverview, window: string): Block[] => [
  header(`Fraud protection: SMS, last ${window}`),
  fields([
    `*Requests*\n${o.total}`,
    `*Blocked*\n${o.blocked}`,
    `*Flagged (sent with warnings)*\n${o.flagged}`,
    `*Sent without warning*\n${Math.max(o.total - o.blocked - o.flagged, 0)}`,
  ]),
  section(
    [
      topLines(
        'Top source IPs',
        o.topSourceIPs,
        (r) => `${codeSpan(r.ipAddress, 60)}${r.geoCountryCode ? ` (${safe(r.geoCountryCode, 4)})` : ''}`,
      ),
      topLines('Top phone countries', o.topSMSOrigins, (r) => safe(r.phoneCountryCode, 4)),
      topLines('Top IP countries', o.topIPLocations, (r) => safe(r.geoCountryCode, 4)),
    ].join('\n\n'),
  ),
];

const decisionLine = (d: FraudDecision): string => {
  const detail =
    d.actionDetail.__typename === 'FraudProtectionDecisionSendSMSActionDetail' ? d.actionDetail : undefined;
  const verdict =
    d.decision === 'blocked'
      ? ':no_entry: *blocked*'
      : d.triggeredWarnings.length > 0
        ? ':warning: flagged'
        : ':white_check_mark: sent';
  const to = detail
    ? `${codeSpan(detail.recipient, 40)}${detail.phoneNumberCountryCode ? ` (${safe(detail.phoneNumberCountryCode, 4)})` : ''}`
    : 'SMS';
  const from = d.ipAddress
    ? ` from ${codeSpan(d.ipAddress, 60)}${d.geoLocationCode ? ` (${safe(d.geoLocationCode, 4)})` : ''}`
    : '';
  const why =
    d.triggeredWarnings.length > 0 ? `\n    ${d.triggeredWarnings.map(warningText).join('; ')}` : '';
  return `${slackDate(d.createdAt)} ${verdict} ${to}${from}${why}`;
};

/** The decisions, newest first, in sections that keep within Slack's 3,000 characters, and Next. */
export const fraudDecisionBlocks = (
  page: FraudDecisionPage,
  search: string | undefined,
  next: AccessPageValue | undefined,
): Block[] => {
  const matching = search ? ` matching “${safe(search, 60)}”` : '';
  const total = page.totalCount === undefined ? '' : ` (${page.totalCount})`;
  if (page.nodes.length === 0) return [section(`No SMS decisions${matching} in this window.`)];
  const blocks: Block[] = [section(`*SMS decisions${matching}*${total}, newest first`)];
  let lines: string[] = [];
  let size = 0;
  for (const d of page.nodes) {
    const line = decisionLine(d);
    if (size + line.length > LIMITS.sectionText - 100) {
      blocks.push(section(lines.join('\n')));
      lines = [];
      size = 0;
    }
    lines.push(line);
    size += line.length + 1;
  }
  if (lines.length > 0) blocks.push(section(lines.join('\n')));
  const value = next && accessPageValue.tryEncode(next);
  if (value !== undefined)
    blocks.push({
      type: 'actions',
      block_id: BlockIds.accessPage,
      elements: [button('Older', ActionIds.accessPage, value)],
    });
  else if (page.hasNextPage) blocks.push(context(['More decisions: narrow the window or the search.']));
  return capBlocks(blocks);
};
