import type { webApi } from '@slack/bolt';
import { AppError } from '../errors.js';
import type { AppLogger } from '../logger.js';
import type { SlackProfiles } from '../users/resolve.js';
import { slackErrorCode } from './errors.js';

type WebClient = webApi.WebClient;

export interface Directory extends SlackProfiles {
  /**
   * The policy's user groups that contain this Slack user: from a short cache, or with `fresh` read from Slack now
   * (every mutation reads fresh, so a person removed from a group cannot act on a cached membership).
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

/**
 * Slack look-ups the bot needs (profiles, user-group members), cached for `ttlMs`, failing with typed errors. A
 * policy user group Slack no longer knows (`no_such_subteam`: deleted) counts as empty, so members granted roles
 * directly keep them; operators are warned once per group.
 */
export const createDirectory = (
  client: WebClient,
  options: { ttlMs?: number; now?: () => number; logger?: AppLogger } = {},
): Directory => {
  const ttl = options.ttlMs ?? 60_000;
  const now = options.now ?? Date.now;
  const warnedGroups = new Set<string>();
  const groups = new Map<string, Entry<Set<string>>>();
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
    },
    async usergroupsOf(userId, groupIds, lookup = {}) {
      const found: string[] = [];
      for (const id of groupIds) {
        const members = await cached(
          groups,
          id,
          async () => {
            try {
              const res = await client.usergroups.users.list({ usergroup: id });
              return new Set(res.users ?? []);
            } catch (cause) {
              if (slackErrorCode(cause) === 'no_such_subteam') {
                if (!warnedGroups.has(id)) {
                  warnedGroups.add(id);
                  options.logger?.warn(
                    { usergroup: id },
                    'policy names a Slack user group that no longer exists; it grants nothing. Remove it from the policy file',
                  );
                }
                return new Set<string>();
              }
              throw new AppError(
                'slack.unavailable',
                'The bot could not check your Slack user groups. Try again shortly.',
                {
                  cause,
                },
              );
            }
          },
          lookup.fresh === true,
        );
        if (members.has(userId)) found.push(id);
      }
      return found;
    },
  };
};
