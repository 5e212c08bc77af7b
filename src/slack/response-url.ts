/**
 * Where the bot may post an answer through a `response_url`: only Slack's own hooks hosts (`hooks.slack.com`, and
 * `hooks.slack-gov.com` for GovSlack), over HTTPS, plus the origin of a configured `SLACK_API_URL` (the local Slack
 * fake in tests and the demo). A URL from a payload or from modal `private_metadata` that points anywhere else is
 * never fetched: a forged one would otherwise make the bot send its answers (and secrets) to that host.
 */
export const SLACK_RESPONSE_ORIGINS: readonly string[] = [
  'https://hooks.slack.com',
  'https://hooks.slack-gov.com',
];

/** The origins answers may go to for this configuration. */
export const responseUrlOrigins = (apiUrl: string | undefined): readonly string[] =>
  apiUrl === undefined ? SLACK_RESPONSE_ORIGINS : [...SLACK_RESPONSE_ORIGINS, new URL(apiUrl).origin];

export const isAllowedResponseUrl = (url: string, origins: readonly string[]): boolean => {
  try {
    const parsed = new URL(url);
    return parsed.username === '' && parsed.password === '' && origins.includes(parsed.origin);
  } catch {
    return false;
  }
};
