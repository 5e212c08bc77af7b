import { type Block, capBlocks, context, escapeText, header, section } from './primitives.js';

export interface HelpEntry {
  readonly usage: string;
  readonly description: string;
}

/** `/authgear help`: only what this person may do. */
export const helpView = (entries: readonly HelpEntry[]): Block[] => {
  if (entries.length === 0) {
    return [
      section(
        "You don't have access to any Authgear actions yet. Ask an Authgear bot admin to add you to a role in the policy file.",
      ),
    ];
  }
  const lines = entries.map((e) => `\`/authgear ${escapeText(e.usage)}\` — ${escapeText(e.description)}`);
  const chunks: Block[] = [];
  for (let i = 0; i < lines.length; i += 15) chunks.push(section(lines.slice(i, i + 15).join('\n')));
  return capBlocks([
    header('Authgear from Slack'),
    ...chunks,
    context([
      '`<who>` is an email, a phone number (+15551234567), a username, an Authgear user ID or a Slack @mention.',
    ]),
  ]);
};
