/**
 * Seeded channels and `conversations.info` as Slack answers it (Web API spec `paths./conversations.info`): the
 * channel with `is_member` for the calling bot; `channel_not_found` for an unknown channel and for a private one the
 * bot is not in (Slack hides those). Scopes channels:read / groups:read.
 */
import type { Json } from './recorder.js';

export interface SeedChannel {
  id: string;
  name: string;
  isPrivate?: boolean;
  isArchived?: boolean;
  /** Slack user IDs in the channel; include the bot's user ID for "the bot is a member". */
  members?: string[];
}

export interface Channels {
  add(channel: SeedChannel): void;
  /** The conversations.info answer for the bot `botUserId`. */
  info(id: string, botUserId: string): Json;
}

export const createChannels = (): Channels => {
  const channels = new Map<string, SeedChannel>();
  return {
    add: (channel) => {
      channels.set(channel.id, { ...channel, members: [...(channel.members ?? [])] });
    },
    info(id, botUserId) {
      const c = channels.get(id);
      const isMember = c?.members?.includes(botUserId) ?? false;
      if (!c || (c.isPrivate && !isMember)) return { ok: false, error: 'channel_not_found' };
      return {
        ok: true,
        channel: {
          id: c.id,
          name: c.name,
          name_normalized: c.name,
          created: 1449252889,
          creator: 'W012A3BCD',
          is_channel: !c.isPrivate,
          is_group: Boolean(c.isPrivate),
          is_im: false,
          is_mpim: false,
          is_private: Boolean(c.isPrivate),
          is_archived: Boolean(c.isArchived),
          is_general: false,
          is_shared: false,
          is_ext_shared: false,
          is_org_shared: false,
          is_member: isMember,
          topic: { value: '', creator: '', last_set: 0 },
          purpose: { value: '', creator: '', last_set: 0 },
        },
      };
    },
  };
};
