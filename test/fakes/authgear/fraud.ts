/**
 * Fraud protection decision records, kept where Authgear keeps them: audit log entries of activity type
 * FRAUD_PROTECTION_DECISION_RECORDED whose `data.payload.record` is the decision (pkg/lib/fraudprotection/service.go,
 * pkg/api/model/fraud_protection.go). The two queries follow pkg/lib/audit/fraud_protection_*.go and
 * pkg/admin/graphql/fraud_protection_*.go.
 */
import { offsetPage, type PageArgs } from './connection.js';
import { type RootField, str, strList } from './context.js';
import { FakeApiError } from './errors.js';
import type { FakeAuditLog } from './model.js';
import { encodeNodeId } from './node-id.js';
import type { FakeStore } from './store.js';

export const FRAUD_ACTIVITY = 'FRAUD_PROTECTION_DECISION_RECORDED';
const DAY_MS = 86_400_000;
/** audit/fraud_protection_overview.go FraudProtectionOverviewMaxRangeDays */
const OVERVIEW_MAX_DAYS = 90;

export interface FraudDecisionSeed {
  createdAt?: string;
  decision: 'allowed' | 'blocked';
  /** E.164 phone number the SMS was for. */
  recipient: string;
  /** ISO 3166 alpha-2 of the phone number, e.g. "US". */
  phoneCountry?: string;
  /** FraudProtectionWarningType values that fired. */
  warnings?: string[];
  allowReason?: string;
  messageType?: string;
  ipAddress?: string;
  /** Country of the IP (Authgear looks it up in GeoLite2). */
  geo?: string;
  userAgent?: string;
  userId?: string;
}

interface DecisionRecord {
  decision: string;
  action: string;
  action_detail: { recipient: string; type: string; phone_number_country_code?: string };
  triggered_warnings: string[];
  ip_address?: string;
  geo_location_code?: string;
  user_agent?: string;
}

/** Records a decision as Authgear's fraud protection service does when it is asked to send an SMS. */
export const addFraudDecision = (store: FakeStore, seed: FraudDecisionSeed): FakeAuditLog => {
  const at = seed.createdAt ?? store.nowIso();
  const record = {
    timestamp: at,
    decision: seed.decision,
    ...(seed.allowReason ? { allow_reason: seed.allowReason } : {}),
    action: 'send_sms',
    action_detail: {
      recipient: seed.recipient,
      type: seed.messageType ?? 'sms',
      ...(seed.phoneCountry ? { phone_number_country_code: seed.phoneCountry } : {}),
    },
    triggered_warnings: seed.warnings ?? [],
    ...(seed.userAgent ? { user_agent: seed.userAgent } : {}),
    ...(seed.ipAddress ? { ip_address: seed.ipAddress } : {}),
    ...(seed.userId ? { user_id: seed.userId } : {}),
    ...(seed.geo ? { geo_location_code: seed.geo } : {}),
  };
  return store.addAuditLog({
    activityType: FRAUD_ACTIVITY,
    createdAt: at,
    userId: seed.userId ?? null,
    ipAddress: seed.ipAddress ?? null,
    userAgent: seed.userAgent ?? null,
    data: { type: 'fraud_protection.decision_recorded', payload: { record } },
  });
};

const recordOf = (l: FakeAuditLog): DecisionRecord => {
  const payload = (l.data?.payload ?? {}) as { record?: DecisionRecord };
  if (payload.record === undefined) throw new Error(`fake: audit log ${l.id} holds no decision`);
  return payload.record;
};

const decisionsOf = (store: FakeStore): FakeAuditLog[] =>
  store.auditLogs().filter((l) => l.activityType === FRAUD_ACTIVITY);

const inRange = (l: FakeAuditLog, from: number | undefined, to: number | undefined): boolean =>
  (from === undefined || Date.parse(l.createdAt) >= from) &&
  (to === undefined || Date.parse(l.createdAt) < to);

const ms = (v: unknown): number | undefined => (typeof v === 'string' ? Date.parse(v) : undefined);

/** fraud_protection_decision_record.go: the GraphQL node of one decision. */
export const fraudDecisionView = (l: FakeAuditLog) => {
  const r = recordOf(l);
  return {
    __typename: 'FraudProtectionDecisionRecord',
    id: encodeNodeId('FraudProtectionDecisionRecord', l.id),
    createdAt: l.createdAt,
    decision: r.decision,
    action: r.action,
    actionDetail: {
      __typename: 'FraudProtectionDecisionSendSMSActionDetail',
      recipient: r.action_detail.recipient,
      type: r.action_detail.type,
      phoneNumberCountryCode: r.action_detail.phone_number_country_code ?? '',
    },
    triggeredWarnings: r.triggered_warnings,
    // read_store.go scanFraudProtectionDecisionRecord: the row's IP and user agent fill in empty ones.
    userAgent: r.user_agent ?? l.userAgent ?? '',
    ipAddress: r.ip_address ?? l.ipAddress ?? '',
    geoLocationCode: r.geo_location_code ?? '',
    data: r,
  };
};

/** fraud_protection_decision_record.go Apply: decision, prefix search, warning codes and counts. */
const matchesLogArgs = (args: Record<string, unknown>) => {
  const verdicts = strList(args.verdicts);
  const reasons = strList(args.reasonCodes);
  const search = (str(args.search) ?? '').trim();
  const max = typeof args.maximumWarningCount === 'number' ? args.maximumWarningCount : undefined;
  const min = typeof args.minimumWarningCount === 'number' ? args.minimumWarningCount : undefined;
  return (l: FakeAuditLog): boolean => {
    const r = recordOf(l);
    const count = r.triggered_warnings.length;
    const upper = search.toUpperCase();
    return (
      (verdicts.length === 0 || verdicts.includes(r.decision)) &&
      (search === '' ||
        r.action_detail.recipient.startsWith(search) ||
        (r.action_detail.phone_number_country_code ?? '').startsWith(upper) ||
        (r.geo_location_code ?? '').startsWith(upper) ||
        (l.ipAddress ?? '').startsWith(search)) &&
      (reasons.length === 0 || r.triggered_warnings.some((w) => reasons.includes(w))) &&
      (max === undefined || count <= max) &&
      (min === undefined || count >= min)
    );
  };
};

interface Counts {
  total: number;
  blocked: number;
  flagged: number;
}

const tally = (logs: FakeAuditLog[]): Counts => {
  let blocked = 0;
  let flagged = 0;
  for (const l of logs) {
    const r = recordOf(l);
    if (r.decision === 'blocked') blocked++;
    else if (r.triggered_warnings.length > 0) flagged++;
  }
  return { total: logs.length, blocked, flagged };
};

/** GROUP BY key, ORDER BY total DESC, key ASC, LIMIT 10 (empty keys left out). */
const top = (logs: FakeAuditLog[], keyOf: (l: FakeAuditLog) => string): [string, Counts][] => {
  const groups = new Map<string, FakeAuditLog[]>();
  for (const l of logs) {
    const key = keyOf(l);
    if (key !== '') groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  return [...groups.entries()]
    .map(([key, group]): [string, Counts] => [key, tally(group)])
    .sort((a, b) => b[1].total - a[1].total || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, 10);
};

const overview = (store: FakeStore, from: number, to: number) => {
  const logs = decisionsOf(store).filter((l) => inRange(l, from, to) && recordOf(l).action === 'send_sms');
  const hours = new Map<number, FakeAuditLog[]>();
  for (const l of logs) {
    const hour = Math.floor(Date.parse(l.createdAt) / 3_600_000) * 3_600_000;
    hours.set(hour, [...(hours.get(hour) ?? []), l]);
  }
  const geoOfIp = (ip: string) => {
    const seen = logs.find((l) => l.ipAddress === ip);
    return seen === undefined ? '' : (recordOf(seen).geo_location_code ?? '');
  };
  return {
    sendSMS: {
      ...tally(logs),
      topSourceIPs: top(logs, (l) => l.ipAddress ?? '').map(([ip, c]) => ({
        ipAddress: ip,
        geoCountryCode: geoOfIp(ip),
        ...c,
      })),
      topSMSOrigins: top(logs, (l) => recordOf(l).action_detail.phone_number_country_code ?? '').map(
        ([code, c]) => ({ phoneCountryCode: code, ...c }),
      ),
      topIPLocations: top(logs, (l) => (recordOf(l).geo_location_code ?? '').toUpperCase()).map(
        ([code, c]) => ({ geoCountryCode: code, ...c }),
      ),
      timeBuckets: [...hours.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([hour, group]) => ({ hour: new Date(hour).toISOString(), ...tally(group) })),
    },
  };
};

export const fraudQueries: Record<string, RootField> = {
  /** query.go fraudProtectionLogs: newest first unless ASC, `first` capped at 100, totalCount given. */
  fraudProtectionLogs: (args, { store }) => {
    const from = ms(args.rangeFrom);
    const to = ms(args.rangeTo);
    const sign = args.sortDirection === 'ASC' ? 1 : -1;
    const found = decisionsOf(store)
      .map((l, i) => ({ l, i }))
      .filter(({ l }) => inRange(l, from, to) && matchesLogArgs(args)(l))
      .sort((x, y) => sign * (Date.parse(x.l.createdAt) - Date.parse(y.l.createdAt) || x.i - y.i))
      .map(({ l }) => l);
    return offsetPage(found, args as PageArgs, fraudDecisionView, found.length);
  },
  /** audit/fraud_protection_overview.go Validate: both ends required, at most 90 days apart. */
  fraudProtectionOverview: (args, { store }) => {
    const from = ms(args.rangeFrom);
    const to = ms(args.rangeTo);
    if (from === undefined || to === undefined || to - from > OVERVIEW_MAX_DAYS * DAY_MS) {
      throw new FakeApiError(
        'Invalid',
        'Invalid',
        `rangeFrom and rangeTo are required and must not span more than ${OVERVIEW_MAX_DAYS} days`,
      );
    }
    return overview(store, from, to);
  },
};
