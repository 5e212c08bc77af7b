/**
 * What the fake "sends": each message is recorded in `store.sentMessages` and leaves an `EMAIL_SENT` /
 * `SMS_SENT` audit log entry with no user and the address in `data.payload.recipient`
 * (pkg/api/event/nonblocking/email_sent.go, sms_sent.go: `UserID()` is ""), which is why `auditLogs(userIDs:)`
 * does not find them and `emailAddresses` / `phoneNumbers` do.
 */
import { eventContext, type FakeContext } from './context.js';
import { rateLimited } from './errors.js';
import type { FakeSentMessage } from './model.js';

export type Channel = 'email' | 'sms';

export const SENDER = 'no-reply@authgear.example';

/** Records the message and its delivery entry in the audit log. */
export const deliver = (
  ctx: FakeContext,
  channel: Channel,
  recipient: string,
  messageType: string,
  record: FakeSentMessage,
): void => {
  ctx.store.sentMessages.push(record);
  const type = channel === 'email' ? 'email.sent' : 'sms.sent';
  ctx.store.addAuditLog({
    activityType: channel === 'email' ? 'EMAIL_SENT' : 'SMS_SENT',
    userId: null,
    data: {
      type,
      payload: { sender: SENDER, recipient, type: messageType },
      context: eventContext(ctx, null),
    },
  });
};

/**
 * A trigger cooldown (pkg/lib/ratelimit, `NewCooldownSpec`: burst 1 per period per target). Refuses with
 * `RateLimited` while it runs; otherwise starts it.
 */
export const takeCooldown = (ctx: FakeContext, bucket: string, target: string, seconds: number): void => {
  const key = `${bucket}:${target}`;
  const now = ctx.store.now().getTime();
  const until = ctx.store.cooldowns.get(key);
  if (until !== undefined && now < until) throw rateLimited(bucket);
  ctx.store.cooldowns.set(key, now + seconds * 1000);
};

/** forgotpassword.Service.getChannel: a target with `@` is an email, anything else SMS. */
export const channelOf = (target: string): Channel => (target.includes('@') ? 'email' : 'sms');
