/**
 * An alert from Authgear's audit log: what happened, to whom, from where, and buttons for what to do about it. The
 * buttons are the same ones the user card has (Show user, Revoke sessions, Disable), so a click goes through the
 * action pipeline: the clicker's rights are checked, a confirmation shown and an approval asked for per policy.
 * Pure; everything from Authgear goes through safe().
 */
import { ActionKeys } from '../actions/keys.js';
import type { AlertLogEntry } from '../authgear/operations/audit-logs.js';
import { entrySubject } from './audit-log.js';
import { ActionIds } from './ids.js';
import { showUserValue, startButton } from './payloads.js';
import {
  type Block,
  type Button,
  button,
  codeSpan,
  context,
  header,
  safe,
  section,
  slackDate,
} from './primitives.js';

export type AlertButton = 'show_user' | 'revoke_sessions' | 'disable';

const ACTIVITY = /^[A-Z0-9_]{1,80}$/;

const buttonFor = (kind: AlertButton, userId: string): Button | undefined => {
  switch (kind) {
    case 'show_user':
      return button('Show user', ActionIds.showUser, showUserValue.encode(userId));
    case 'revoke_sessions':
      return startButton('Revoke sessions', ActionKeys.signout, { u: userId }, 'danger');
    case 'disable':
      return startButton('Disable', ActionKeys.disable, { u: userId }, 'danger');
  }
};

export const alertMessage = (
  rule: { readonly name: string; readonly actions: readonly AlertButton[] },
  entry: AlertLogEntry,
): { text: string; blocks: Block[] } => {
  const subject = entrySubject(entry);
  const type = ACTIVITY.test(entry.activityType) ? `\`${entry.activityType}\`` : safe(entry.activityType, 80);
  const where = [
    entry.ipAddress ? `IP ${safe(entry.ipAddress, 60)}` : undefined,
    entry.country ? `country ${safe(entry.country, 4)}` : undefined,
    entry.clientID ? `client ${safe(entry.clientID, 60)}` : undefined,
  ].filter((p): p is string => p !== undefined);
  const userId = entry.user?.id;
  const buttons =
    userId === undefined
      ? []
      : rule.actions.map((a) => buttonFor(a, userId)).filter((b): b is Button => b !== undefined);
  return {
    text: `Alert: ${rule.name} (${subject ?? 'no user'})`,
    blocks: [
      header(`:rotating_light: ${rule.name}`),
      section(
        [
          `*${subject === undefined ? 'No user' : safe(subject, 200)}* · ${type} · ${slackDate(entry.createdAt)}`,
          ...(where.length > 0 ? [where.join(' · ')] : []),
        ].join('\n'),
      ),
      ...(buttons.length > 0 ? [{ type: 'actions' as const, elements: buttons }] : []),
      context([`Authgear audit log entry ${codeSpan(entry.id, 120)}`]),
    ],
  };
};
