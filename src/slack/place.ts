/**
 * Where a request happened, as the allow-list needs it: the channel, and for a DM whether it is the person's own DM
 * with the bot (asked of Slack only when the policy's `direct_messages: bot` depends on it).
 */
import type { Policy } from '../config/policy.js';
import { needsBotDm, type Place } from '../permissions/authorize.js';
import type { Directory } from './directory.js';

export type PlaceOf = (
  slackUserId: string,
  channelId: string | undefined,
  options?: { readonly mutation?: boolean },
) => Promise<Place>;

export const createPlaceOf =
  (policy: Policy, directory: Pick<Directory, 'botDmOf'>): PlaceOf =>
  async (slackUserId, channelId, options = {}) => ({
    channelId,
    ...(options.mutation !== undefined ? { mutation: options.mutation } : {}),
    ...(needsBotDm(policy, channelId) ? { botDm: (await directory.botDmOf(slackUserId)) === channelId } : {}),
  });

/** Without Slack to ask: a DM counts as one between people (deny by default). */
export const plainPlaceOf: PlaceOf = async (_user, channelId, options = {}) => ({
  channelId,
  ...(options.mutation !== undefined ? { mutation: options.mutation } : {}),
});
