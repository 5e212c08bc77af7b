import type { webApi } from '@slack/bolt';
import { classifyPostFailure } from '../audit/slack-failure.js';
import { AppError } from '../errors.js';
import type { AppLogger } from '../logger.js';
import type { SlackProfiles } from '../users/resolve.js';
import { slackErrorCode } from './errors.js';

type WebClient = webApi.WebClient;

export interface Directory extends SlackProfiles {
  /**
   * The policy's user groups that contain this Slack user: from a cache of a minute, or with `fresh` (every
   * mutation) as Slack said it within the last few seconds (FRESH_MS). usergroups.users.list is Tier 2 (about 20
   * calls a minute), so a burst of clicks costs one look-up per group; `subteam_members_changed` drops the cache
   * at once. When Slack answers `ratelimited`, the last membership known is used (and Slack is not asked again
   * before its Retry-After); with none known, the check fails (slack.unavailable) and nothing runs.
   */
  usergroupsOf(
    slackUserId: string,
    groupIds: readonly string[],
    options?: { readonly fresh?: boolean },
  ): Promise<string[]>;
  /** The ID of the bot's own DM with this Slack user (conversations.open; it never changes, so it is kept). */
  botDmOf(slackUserId: string): Promise<string | undefined>;
  /** Drops the cached members of a user group (Slack said they changed: `subteam_members_changed`). */
  forgetUsergroup(groupId: string): void;
}

interface Entry<T> {
  value: T;
  until: number;
}

/** A user group's members as Slack said them, and when. */
interface Members {
  readonly members: Set<string>;
  readonly readAt: number;
}

/** How old a membership a mutation may rely on (the "fresh" read): a burst of clicks shares one look-up. */
export const FRESH_MS = 10_000;

/**
 * Slack look-ups the bot needs (profiles, user-group members), cached for `ttlMs`, failing with typed errors. A
 * policy user group Slack no longer knows (`no_such_subteam`: deleted) counts as empty, so members granted roles
 * directly keep them; operators are warned once per group.
 */
export const createDirectory = (
  client: WebClient,
  options: {
    ttlMs?: number;
    freshMs?: number;
    now?: () => number;
    logger?: AppLogger;
    /** For usergroups.users.list: a client that rejects rate-limited calls at once instead of waiting. */
    groupsClient?: WebClient;
  } = {},
): Directory => {
  const ttl = options.ttlMs ?? 60_000;
  const freshMs = options.freshMs ?? FRESH_MS;
  const now = options.now ?? Date.now;
  const groupsClient = options.groupsClient ?? client;
  const warnedGroups = new Set<string>();
  /** Last known members per group (kept past the TTL, for when Slack rate-limits); dropped on a change event. */
  const groups = new Map<string, Members>();
  /** Per group: no look-up before this time (Slack's Retry-After). */
  const quietUntil = new Map<string, number>();
  const profiles = new Map<string, Entry<{ email?: string; name: string }>>();

  const cached = async <T>(
    map: Map<string, Entry<T>>,
    key: string,
    load: () => Promise<T>,
    fresh = false,
  ): Promise<T> => {
    const hit = map.get(key);
    if (!fresh && hit && hit.until > now()) return hit.value;
    const value = await load();
    map.set(key, { value, until: now() + ttl });
    return value;
  };

  const profile = (userId: string) =>
    cached(profiles, userId, async () => {
      try {
        const res = await client.users.info({ user: userId });
        const p = res.user?.profile;
        const name = p?.display_name || p?.real_name || res.user?.name || userId;
        return p?.email ? { email: p.email, name } : { name };
      } catch (cause) {
        if (slackErrorCode(cause) === 'user_not_found') return { name: userId };
        throw new AppError(
          'slack.unavailable',
          'The bot could not look that person up in Slack. Try again shortly.',
          {
            cause,
          },
        );
      }
    });

  const botDms = new Map<string, string | undefined>();

  /** Slack's answer for one group, now; `no_such_subteam` (deleted) is empty, with one warning per group. */
  const readMembers = async (id: string): Promise<Set<string>> => {
    try {
      const res = await groupsClient.usergroups.users.list({ usergroup: id });
      return new Set(res.users ?? []);
    } catch (cause) {
      if (slackErrorCode(cause) !== 'no_such_subteam') throw cause;
      if (!warnedGroups.has(id)) {
        warnedGroups.add(id);
        options.logger?.warn(
          { usergroup: id },
          'policy names a Slack user group that no longer exists; it grants nothing. Remove it from the policy file',
        );
      }
      return new Set<string>();
    }
  };

  const unavailable = (cause: unknown) =>
    new AppError('slack.unavailable', 'The bot could not check your Slack user groups. Try again shortly.', {
      cause,
    });

  /** A group's members, no older than `fresh ? freshMs : ttl` unless Slack rate-limits the look-up. */
  const membersOf = async (id: string, fresh: boolean): Promise<Set<string>> => {
    const known = groups.get(id);
    const at = now();
    if (known && at - known.readAt < (fresh ? freshMs : ttl)) return known.members;
    if (known && at < (quietUntil.get(id) ?? 0)) return known.members;
    try {
      const members = await readMembers(id);
      groups.set(id, { members, readAt: now() });
      return members;
    } catch (cause) {
      const failure = classifyPostFailure(cause);
      if (failure.kind !== 'ratelimited') throw unavailable(cause);
      quietUntil.set(id, now() + failure.retryAfterMs);
      options.logger?.warn(
        { usergroup: id, retryAfterMs: failure.retryAfterMs, lastKnown: known !== undefined },
        known
          ? 'usergroups.users.list ratelimited: using the last members known'
          : 'usergroups.users.list ratelimited and no members known: refusing',
      );
      if (known) return known.members;
      throw unavailable(cause);
    }
  };

  return {
    async botDmOf(userId) {
      if (botDms.has(userId)) return botDms.get(userId);
      try {
        const res = await client.conversations.open({ users: userId, return_im: false });
        const id = res.channel?.id;
        botDms.set(userId, id);
        return id;
      } catch (cause) {
        throw new AppError(
          'slack.unavailable',
          'The bot could not check where this came from in Slack. Try again shortly.',
          { cause },
        );
      }
    },
    async emailOf(userId) {
      return (await profile(userId)).email;
    },
    forgetUsergroup(groupId) {
      groups.delete(groupId);
      quietUntil.delete(groupId);
    },
    async usergroupsOf(userId, groupIds, lookup = {}) {
      const found: string[] = [];
      for (const id of groupIds) if ((await membersOf(id, lookup.fresh === true)).has(userId)) found.push(id);
      return found;
    },
  };
};
