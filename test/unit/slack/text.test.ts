import { describe, expect, it } from 'vitest';
import { fromSlackText, fromTypedText } from '../../../src/slack/text.js';
import { asSlackSends } from '../../support/slack-text.js';

const names = {
  userId: (name: string) => (name === 'alice' ? 'U0ALICE' : undefined),
  channelId: (name: string) => (name === 'ops' ? 'C0OPS' : undefined),
  usergroupId: (handle: string) => (handle === 'support' ? 'S0SUPPORT' : undefined),
};

describe('fromSlackText', () => {
  it.each([
    ['Builder &amp; Sons', 'Builder & Sons'],
    ['a &lt;b&gt; c', 'a <b> c'],
    ['literal &amp;lt; stays one entity', 'literal &lt; stays one entity'],
    ['<mailto:bob@example.com|bob@example.com>', 'bob@example.com'],
    ['<tel:+15551234567|+1 555 123 4567>', '+15551234567'],
    ['website=<https://x.example/home>', 'website=https://x.example/home'],
    ['<https://x.example/?a=1&amp;b=2|click here>', 'https://x.example/?a=1&b=2'],
    ['<@U0ALICE|alice> and <@W0GRID>', '<@U0ALICE> and <@W0GRID>'],
    ['in <#C0OPS|ops>', 'in #ops'],
    ['<!subteam^S0SUPPORT|@support> <!here> <!channel|channel>', '@support @here @channel'],
    ['<!date^1392734382^{date}|Feb 18, 2014>', 'Feb 18, 2014'],
    ['“Fraud” &amp; ‘chargeback’ isn’t fine', `"Fraud" & 'chargeback' isn't fine`],
    ['plain text', 'plain text'],
  ])('reads %s as %s', (sent, meant) => {
    expect(fromSlackText(sent)).toBe(meant);
  });

  it.each([
    'family_name=Builder & Sons <Ltd>',
    'disable bob@example.com "Fraud" & chargeback',
    'website=https://x.example/home?a=1&b=2',
    'call +1 555 123 4567 or mail carol@example.com',
    'ping #ops and #nowhere about it',
  ])('gives back what was typed for %s, as Slack sends it', (typed) => {
    expect(fromSlackText(asSlackSends(typed, names))).toBe(typed.replace('+1 555 123 4567', '+15551234567'));
  });

  it('straightens the smart quotes a Mac typed', () => {
    const typed = `reason "it's fraud" & 'more'`;
    const sent = asSlackSends(typed, names, { smartQuotes: true });
    expect(sent).toBe('reason “it’s fraud” &amp; ‘more’');
    expect(fromSlackText(sent)).toBe(typed);
  });
});

describe('fromTypedText', () => {
  it('keeps what was typed into a form, straightening only smart quotes', () => {
    expect(fromTypedText('not <b>now</b> &amp; “later” isn’t <https://x>')).toBe(
      `not <b>now</b> &amp; "later" isn't <https://x>`,
    );
  });
});
