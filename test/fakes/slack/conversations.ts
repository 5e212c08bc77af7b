/**
 * Conversations the fake knows, where the bot may post (RULES.md "Where the bot may post"), and
 * `conversations.info` as Slack answers it (Web API spec `paths./conversations.info`):
 * - a channel the bot is not in answers `not_in_channel` (public) or `channel_not_found` (private: the bot cannot
 *   even see it); an archived one answers `is_archived`; an unknown one `channel_not_found`. Without the
 *   `chat:write.public` scope (manifest.yml does not ask for it) the bot must be invited.
 * - the bot's own DM with a person (a user ID, or the D-channel `dmChannelFor` gives) always works for
 *   chat.postMessage; a DM between two people never has the bot in it: `channel_not_found` (Web API spec
 *   `paths./chat.postEphemeral`; python-slack-sdk #734, node-slack-sdk #977).
 * - conversations.info: the channel with `is_member` for the bot; `channel_not_found` for an unknown channel and for
 *   a private one the bot is not in (Slack hides those). Scopes channels:read / groups:read.
 */
import type { Directory } from './directory.js';
import type { Json } from './recorder.js';

export interface SeedChannel {
  /** `C…` (public or private), `G…` (private), or `D…` for a DM between people. */
  id: string;
  name?: string;
  /** Default: true for `G…` IDs. */
  isPrivate?: boolean;
  isArchived?: boolean;
  /** Slack user IDs in the channel; with no `botMember`, the bot is in it when its user ID is listed. */
  members?: string[];
  /** Whether the bot has been invited (default: its user ID is in `members`, or true when no members are given). */
  botMember?: boolean;
}

interface Channel {
  id: string;
  name: string;
  isPrivate: boolean;
  isArchived: boolean;
  isPeopleDm: boolean;
  botMember: boolean;
}

/** How a call may reach a conversation: to post in it, or only to look at it (chat.getPermalink). */
export type Access = 'post' | 'read';

export interface Conversations {
  /** Adds a channel, or replaces the one with the same ID. */
  add(channel: SeedChannel): void;
  /** The bot joins (`true`, an invite) or leaves / is removed (`false`). */
  setBotMember(channelId: string, member: boolean): void;
  archive(channelId: string, archived?: boolean): void;
  /** Slack's error for the bot using `channel` this way, or undefined when Slack allows it. */
  refusal(channel: string, access: Access): string | undefined;
  /** The conversations.info answer for the bot. */
  info(id: string): Json;
  /** Channel ID by name (`ops` → `C0OPS`), for the request driver's `#ops` → `<#C0OPS|ops>`. */
  idByName(name: string): string | undefined;
}

export const createConversations = (
  directory: Directory,
  dmChannelFor: (userId: string) => string,
  botUserId: string,
): Conversations => {
  const channels = new Map<string, Channel>();
  const known = (id: string): Channel => {
    const found = channels.get(id);
    if (!found) throw new Error(`Slack fake: no channel ${id}; add it with addChannel first`);
    return found;
  };
  /** A D-channel that is the bot's DM with a known person. */
  const isBotDm = (id: string): boolean =>
    /^D/.test(id) &&
    ['U', 'W'].some((prefix) => {
      const userId = `${prefix}${id.slice(1)}`;
      return directory.user(userId) !== undefined && dmChannelFor(userId) === id;
    });

  return {
    add: (c) => {
      const isPeopleDm = c.id.startsWith('D');
      channels.set(c.id, {
        id: c.id,
        name: c.name ?? c.id.toLowerCase(),
        isPrivate: c.isPrivate ?? (c.id.startsWith('G') || isPeopleDm),
        isArchived: c.isArchived ?? false,
        isPeopleDm,
        botMember: isPeopleDm ? false : (c.botMember ?? c.members?.includes(botUserId) ?? true),
      });
    },
    setBotMember: (id, member) => {
      const channel = known(id);
      if (channel.isPeopleDm && member) throw new Error(`Slack fake: the bot cannot join the DM ${id}`);
      channel.botMember = member;
    },
    archive: (id, archived = true) => {
      known(id).isArchived = archived;
    },
    refusal: (id, access) => {
      if (/^[UW][A-Z0-9]+$/.test(id)) return directory.user(id) ? undefined : 'channel_not_found';
      if (isBotDm(id)) return undefined;
      const channel = channels.get(id);
      if (!channel || channel.isPeopleDm) return 'channel_not_found';
      if (channel.isPrivate && !channel.botMember) return 'channel_not_found';
      if (access === 'read') return undefined;
      if (channel.isArchived) return 'is_archived';
      return channel.botMember ? undefined : 'not_in_channel';
    },
    info: (id) => {
      const c = channels.get(id);
      if (!c || c.isPeopleDm || (c.isPrivate && !c.botMember))
        return { ok: false, error: 'channel_not_found' };
      return {
        ok: true,
        channel: {
          id: c.id,
          name: c.name,
          name_normalized: c.name,
          created: 1449252889,
          creator: 'W012A3BCD',
          is_channel: !c.isPrivate,
          is_group: c.isPrivate,
          is_im: false,
          is_mpim: false,
          is_private: c.isPrivate,
          is_archived: c.isArchived,
          is_general: false,
          is_shared: false,
          is_ext_shared: false,
          is_org_shared: false,
          is_member: c.botMember,
          topic: { value: '', creator: '', last_set: 0 },
          purpose: { value: '', creator: '', last_set: 0 },
        },
      };
    },
    idByName: (name) => [...channels.values()].find((c) => c.name === name && !c.isPeopleDm)?.id,
  };
};
