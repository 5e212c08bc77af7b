/** Who and what is in the demo workspace: people, channels, user groups, and the conversations each person has. */
import { DEMO_BOT, DEMO_CHANNELS, DEMO_PEOPLE, DEMO_USERGROUPS, type DemoPerson } from './seed/slack.js';
import type { Conversation } from './workspace/types.js';

export interface DemoDirectory {
  readonly people: readonly DemoPerson[];
  readonly channels: readonly { readonly id: string; readonly name: string; readonly topic: string }[];
  readonly usergroups: readonly { readonly id: string; readonly handle: string }[];
  person(id: string): DemoPerson | undefined;
  /** The DM between the bot and this person. */
  dmChannelFor(personId: string): string;
  /** The channels (everyone is in all three) and this person's DM with the bot. */
  conversationsOf(personId: string): Conversation[];
}

export const createDirectory = (dmChannelFor: (personId: string) => string): DemoDirectory => ({
  people: DEMO_PEOPLE,
  channels: DEMO_CHANNELS,
  usergroups: DEMO_USERGROUPS,
  person: (id) => DEMO_PEOPLE.find((p) => p.id === id),
  dmChannelFor,
  conversationsOf: (personId) =>
    DEMO_PEOPLE.some((p) => p.id === personId)
      ? [
          ...DEMO_CHANNELS.map((c) => ({ id: c.id, kind: 'channel' as const, name: c.name, topic: c.topic })),
          {
            id: dmChannelFor(personId),
            kind: 'dm' as const,
            name: DEMO_BOT.name,
            topic: 'Direct messages with the bot',
          },
        ]
      : [],
});
