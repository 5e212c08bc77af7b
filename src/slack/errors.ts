/** Reading Slack's refusals: the error code a Web API call answered, and what to tell people about it. */
import { AppError } from '../errors.js';

/** The `error` Slack answered (`not_in_channel`, `expired_trigger_id`…) from a WebClient error, if it is one. */
export const slackErrorCode = (e: unknown): string | undefined => {
  const data = typeof e === 'object' && e !== null && 'data' in e ? e.data : undefined;
  const error = typeof data === 'object' && data !== null && 'error' in data ? data.error : undefined;
  return typeof error === 'string' ? error : undefined;
};

/** Why the bot could not post to `channel`, in words an operator can act on; undefined for other failures. */
export const channelProblem = (code: string | undefined, channel: string): string | undefined => {
  switch (code) {
    case 'not_in_channel':
      return `the bot is not in <#${channel}>. Invite it there (type \`/invite @\` and the bot's name in <#${channel}>)`;
    case 'channel_not_found':
      return `the bot cannot see <#${channel}>: invite the bot to it if it is private, or correct the channel ID in the policy file`;
    case 'is_archived':
      return `<#${channel}> is archived. Unarchive it, or set another channel in the policy file`;
    default:
      return undefined;
  }
};

/**
 * The refusal when a post to `channel` failed: the channel problem if Slack named one, else Slack being away;
 * `outcome` says what became of the request.
 */
export const cannotPostError = (channel: string, what: string, cause: unknown, outcome: string): AppError => {
  const code = slackErrorCode(cause);
  const problem = channelProblem(code, channel);
  return new AppError(
    'slack.cannot_post',
    problem
      ? `I couldn't post ${what} to <#${channel}>: ${problem}. Then try again. ${outcome}`
      : `Slack did not accept ${what} for <#${channel}>. Try again shortly. ${outcome}`,
    { cause, details: { channel, slackError: code } },
  );
};
