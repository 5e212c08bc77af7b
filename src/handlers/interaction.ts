import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';

export type BlockActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** The clicked button's value and where the click happened (ButtonAction; other elements have no value). */
export const clicked = (args: BlockActionArgs) => {
  const action = args.action;
  const value = 'value' in action && typeof action.value === 'string' ? action.value : undefined;
  const body = args.body;
  return {
    value,
    user: {
      id: body.user.id,
      teamId: body.user.team_id ?? body.team?.id,
      name: body.user.username ?? body.user.name,
    },
    channelId: body.channel?.id,
    /** A message Slack keeps (anything but an ephemeral message): a secret must never replace it. */
    sourceStored: body.container?.type === 'message' && body.container.is_ephemeral !== true,
    triggerId: body.trigger_id,
    responseUrl: body.response_url,
  };
};
