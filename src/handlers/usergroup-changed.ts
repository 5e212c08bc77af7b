import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Services } from '../services.js';

/**
 * `subteam_members_changed` (scope usergroups:read): the cached members of that user group are dropped at once, so
 * the next check on this replica reads them from Slack (mutations otherwise rely on at most FRESH_MS-old members).
 */
export const onUsergroupChanged =
  (s: Services) =>
  async ({
    event,
  }: SlackEventMiddlewareArgs<'subteam_members_changed'> & AllMiddlewareArgs): Promise<void> => {
    s.directory.forgetUsergroup(event.subteam_id);
    s.logger.info(
      {
        usergroup: event.subteam_id,
        added: event.added_users_count ?? event.added_users?.length ?? 0,
        removed: event.removed_users_count ?? event.removed_users?.length ?? 0,
      },
      'user group members changed: cached membership dropped',
    );
  };
