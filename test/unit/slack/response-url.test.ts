import { describe, expect, it } from 'vitest';
import { isAllowedResponseUrl, responseUrlOrigins } from '../../../src/slack/response-url.js';

describe('response URLs the bot may post to', () => {
  const production = responseUrlOrigins(undefined);
  const withFake = responseUrlOrigins('http://127.0.0.1:4100/api/');

  it.each([
    'https://hooks.slack.com/commands/T0001/1234/abcd',
    'https://hooks.slack.com/actions/T0001/1234/abcd',
    'https://hooks.slack.com/app/T0001/1234/abcd',
    'https://hooks.slack-gov.com/actions/T0001/1234/abcd',
  ])("accepts Slack's %s", (url) => {
    expect(isAllowedResponseUrl(url, production)).toBe(true);
  });

  it.each([
    ['another host', 'https://evil.example/hooks.slack.com/actions/T1/2/x'],
    ['a look-alike host', 'https://hooks.slack.com.evil.example/actions/T1/2/x'],
    ['credentials before the host', 'https://hooks.slack.com@evil.example/actions/T1/2/x'],
    ['plain HTTP', 'http://hooks.slack.com/actions/T1/2/x'],
    ['another port', 'https://hooks.slack.com:8443/actions/T1/2/x'],
    ['not a URL', 'hooks.slack.com/actions'],
    ['the fake, when no API URL is configured', 'http://127.0.0.1:4100/response/r1'],
  ])('refuses %s', (_what, url) => {
    expect(isAllowedResponseUrl(url, production)).toBe(false);
  });

  it('accepts the configured API host (the Slack fake) and still refuses others', () => {
    expect(isAllowedResponseUrl('http://127.0.0.1:4100/response/r1', withFake)).toBe(true);
    expect(isAllowedResponseUrl('http://127.0.0.1:4101/response/r1', withFake)).toBe(false);
  });
});
