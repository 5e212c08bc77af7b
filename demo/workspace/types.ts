/** The shapes the demo workspace keeps and the page receives. Plain JSON: they cross the wire as they are. */

export type Json = Record<string, unknown>;

export interface ChatMessage {
  /** Unique key the page uses to point at this message (channel/ts, plus the person for an ephemeral one). */
  readonly key: string;
  readonly channel: string;
  readonly ts: string;
  /** A person's ID, or the bot's user ID. */
  readonly author: string;
  readonly text: string;
  /** Block Kit blocks, each with a block_id (Slack assigns one when the sender gave none). */
  readonly blocks: readonly Json[];
  /** Set for an ephemeral message: the only person who sees it ("Only visible to you"). */
  readonly visibleTo: string | undefined;
  /** The slash command a person typed, shown to them only. */
  readonly isCommand: boolean;
}

export interface Conversation {
  readonly id: string;
  readonly kind: 'channel' | 'dm';
  /** `ops` for a channel; the other side's name for a DM. */
  readonly name: string;
  readonly topic: string;
}

export interface OpenModal {
  /** The view as Slack holds it: id, hash, callback_id, private_metadata, blocks, title, submit, close... */
  readonly view: Json;
  /** Inline errors by block_id, from `response_action: errors`. */
  readonly errors: Readonly<Record<string, string>>;
}

/** Where an interaction happened: answers through its response_url land here. */
export interface Origin {
  readonly personId: string;
  readonly channelId: string;
  /** The message clicked on (absent for a slash command). */
  readonly messageKey?: string | undefined;
}

export interface PersonSummary {
  readonly id: string;
  readonly handle: string;
  readonly realName: string;
  readonly role: string;
}

/** What one person's page shows. */
export interface PersonSnapshot {
  readonly me: string;
  readonly bot: { readonly userId: string; readonly name: string };
  readonly people: readonly PersonSummary[];
  readonly channels: readonly { readonly id: string; readonly name: string }[];
  readonly usergroups: readonly { readonly id: string; readonly handle: string }[];
  readonly conversations: readonly Conversation[];
  /** Messages this person can see, by conversation ID, oldest first. */
  readonly messages: Readonly<Record<string, readonly ChatMessage[]>>;
  /** The top of this person's modal stack, if any, and how deep the stack is. */
  readonly modal: (OpenModal & { readonly depth: number }) | undefined;
  readonly home: Json | undefined;
  readonly operations: readonly AdminOperation[];
}

/** One Admin API request the bot sent, as the side panel shows it. */
export interface AdminOperation {
  readonly seq: number;
  readonly at: string;
  readonly operationName: string;
  readonly kind: 'query' | 'mutation';
  /** Slack user the bot acted for (the JWT's audit_context), if any. */
  readonly actor: string | undefined;
  /** Variables with secrets masked. */
  readonly variables: Json;
  /** Authgear's answer with secrets masked. */
  readonly answer: unknown;
  readonly ok: boolean;
}
