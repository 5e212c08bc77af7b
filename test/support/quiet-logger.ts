import { type Logger, LogLevel } from '@slack/web-api';

/** A WebClient logger that says nothing: tests assert on Slack's refusals instead of reading its warnings. */
export const quietLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  setLevel: () => undefined,
  getLevel: () => LogLevel.ERROR,
  setName: () => undefined,
};
