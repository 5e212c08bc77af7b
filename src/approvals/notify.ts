/** Side effects of an approval transition: the card in the approvals channel, the requester's DM, the audit line. */
import { randomUUID } from 'node:crypto';
import type { AuditEventType, AuditSink } from '../audit/event.js';
import { approvalCard } from '../blocks/approval-card.js';
import type { Block } from '../blocks/primitives.js';
import { type AppLogger, errorFields } from '../logger.js';
import { isPolicyActionName } from '../permissions/actions.js';
import type { WebClient } from '../services.js';
import { cannotPostError } from '../slack/errors.js';
import { replyTo } from '../slack/reply.js';
import { type ApprovalCard, type ApprovalRecord, requesterSummary } from './record.js';

export interface NotifyDeps {
  readonly client: WebClient;
  readonly audit: AuditSink;
  readonly logger: AppLogger;
  readonly now: () => Date;
}

/** Where a card is, from the record or from the click on it. */
export interface CardRef {
  readonly channel: string;
  readonly ts: string;
}

export const createNotifier = ({ client, audit, logger, now }: NotifyDeps) => {
  /** Best effort: a Slack hiccup must not undo a decision already stored. Returns whether it worked. */
  const attempt = async (
    what: string,
    record: ApprovalRecord,
    work: () => Promise<unknown>,
  ): Promise<boolean> => {
    try {
      await work();
      return true;
    } catch (e) {
      logger.warn({ approvalId: record.id, ...errorFields(e) }, `approval: ${what} failed`);
      return false;
    }
  };

  const notifier = {
    /**
     * Redraws the card where it was posted, or where it was clicked (`clicked`, from the click payload) when the
     * record does not say; no-op when neither is known.
     */
    async updateCard(record: ApprovalRecord, clicked?: CardRef): Promise<void> {
      const card = record.card ?? clicked;
      if (!card) return;
      await attempt('card update', record, () =>
        client.chat.update({ channel: card.channel, ts: card.ts, ...approvalCard(record) }),
      );
    },

    /**
     * Posts the card for a new request and returns where it is. When Slack refuses (the bot is not in the channel,
     * it is archived…), the attempt is audited and the error says what an operator must do; nothing was stored.
     */
    async postNewCard(
      record: ApprovalRecord,
      channel: string,
      actor: { userId: string; name?: string | undefined },
      reason: string | undefined,
    ): Promise<ApprovalCard> {
      let posted: { channel?: string; ts?: string };
      try {
        posted = await client.chat.postMessage({ channel, ...approvalCard(record) });
      } catch (cause) {
        const error = cannotPostError(
          channel,
          'the approval request',
          cause,
          'Nothing was changed and nothing waits for approval.',
        );
        logger.error(
          { approvalId: record.id, ...error.details },
          'approval card not posted; request withdrawn',
        );
        await notifier.audit('failed', record, actor, { reason, errorCode: error.code });
        throw error;
      }
      return notifier.cardOf(posted.channel ?? channel, posted.ts ?? '');
    },

    /** Takes down a card whose request could not be stored, so nobody clicks on a request that does not exist. */
    async withdrawCard(record: ApprovalRecord, card: ApprovalCard): Promise<void> {
      await attempt('card withdrawal', record, () =>
        client.chat.delete({ channel: card.channel, ts: card.ts }),
      );
    },

    /** Where the card was posted, with its permalink for audit lines (a failed look-up only loses the link). */
    async cardOf(channel: string, ts: string): Promise<ApprovalCard> {
      try {
        const { permalink } = await client.chat.getPermalink({ channel, message_ts: ts });
        return permalink ? { channel, ts, link: permalink } : { channel, ts };
      } catch (e) {
        logger.warn({ channel, ...errorFields(e) }, 'no permalink for the approval card');
        return { channel, ts };
      }
    },

    /** A message to the requester only, by DM; whether it arrived. */
    async dmRequester(record: ApprovalRecord, text: string, blocks?: readonly Block[]): Promise<boolean> {
      return attempt('requester DM', record, () =>
        replyTo(client, { userId: record.requester.userId })({ text, ...(blocks ? { blocks } : {}) }),
      );
    },

    /** An overdue request (expired) or a run that never reported back (unknown): card, audit line, requester DM. */
    async announceExpiry(record: ApprovalRecord): Promise<void> {
      await notifier.updateCard(record);
      const type = record.state === 'unknown' ? 'unknown' : 'expired';
      await notifier.audit(type, record, record.requester);
      await notifier.dmRequester(
        record,
        type === 'expired'
          ? `Your request expired before it was approved: ${requesterSummary(record)}. Nothing was changed.`
          : `Your approved request did not report back in time: ${requesterSummary(record)}. Check Authgear before retrying.`,
      );
    },

    async audit(
      type: AuditEventType,
      record: ApprovalRecord,
      actor: { userId: string; name?: string | undefined },
      extra: {
        reason?: string | undefined;
        comment?: string | undefined;
        errorCode?: string | undefined;
      } = {},
    ): Promise<void> {
      if (!isPolicyActionName(record.action)) return;
      await audit.record({
        id: randomUUID(),
        type,
        at: now().toISOString(),
        actor: { userId: actor.userId, name: actor.name },
        action: record.action,
        actionKey: record.actionKey,
        target: record.target,
        summary: record.summary,
        approvalId: record.id,
        approvalLink: record.card?.link,
        ...(extra.reason === undefined ? {} : { reason: extra.reason }),
        ...(extra.comment === undefined ? {} : { comment: extra.comment }),
        ...(extra.errorCode === undefined ? {} : { errorCode: extra.errorCode }),
      });
    },
  };
  return notifier;
};

export type Notifier = ReturnType<typeof createNotifier>;
