import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { auditContextOf } from '../actions/execute.js';
import type { ApprovalService } from '../approvals/service.js';
import { HOME_SHOWN, type HomeData, homeView } from '../blocks/home.js';
import { asAppError, errorKind } from '../errors.js';
import { grants as grantsRight } from '../permissions/authorize.js';
import { targetsOrUnavailable } from '../queries/approval-targets.js';
import { grantLedgerOf } from '../queries/grants.js';
import type { Services, SlackUserRef, WebClient } from '../services.js';

const NO_ROLE =
  "You don't have a role in the Authgear bot's policy, so no approvals concern you. Ask an admin to add you.";

/** What the Home tab shows this person now; a store outage becomes a notice, never a blank tab. */
const homeData = async (s: Services, approvals: ApprovalService, user: SlackUserRef): Promise<HomeData> => {
  try {
    const actor = await s.actorOf(user);
    if (actor.roles.length === 0) return { kind: 'notice', text: NO_ROLE };
    const [waiting, recent, live] = await Promise.all([
      approvals.pendingFor(actor),
      approvals.requestsBy(user.id),
      grantLedgerOf(s.extras).live(),
    ]);
    const grants = {
      records: live.filter((g) => g.requester.userId === user.id),
      now: s.now().getTime(),
      canRevoke: grantsRight(s.policy, actor.roles, 'user.revoke_grant'),
    };
    const shown = [
      ...waiting.slice(0, HOME_SHOWN),
      ...recent.slice(0, HOME_SHOWN).filter((r) => r.state === 'pending'),
    ];
    const targets = await targetsOrUnavailable(s.api, shown, auditContextOf(actor), s.now());
    if (targets === 'unavailable')
      s.logger.warn({ handler: 'app_home', user: user.id }, 'home tab: approval targets unavailable');
    return { kind: 'lists', waiting, recent, grants, ...(targets === 'unavailable' ? {} : { targets }) };
  } catch (e) {
    const err = asAppError(e);
    s.logger.warn({ handler: 'app_home', user: user.id, code: err.code }, 'home tab: lists unavailable');
    return {
      kind: 'notice',
      text: `:warning: ${err.code === 'internal' ? 'Your approvals could not be loaded.' : err.userMessage}`,
    };
  }
};

/** Publishes this person's Home tab (also after a click on it, so the lists stay current). */
export const publishHome = async (
  s: Services,
  approvals: ApprovalService,
  client: WebClient,
  user: SlackUserRef,
): Promise<void> => {
  const view = homeView(await homeData(s, approvals, user));
  try {
    await client.views.publish({ user_id: user.id, view });
  } catch (e) {
    s.logger.warn({ handler: 'app_home', user: user.id, type: errorKind(e) }, 'views.publish failed');
  }
};

/** app_home_opened (Home tab): pending approvals I may decide, and my recent requests. */
export const onAppHomeOpened =
  (s: Services, approvals: ApprovalService) =>
  async ({
    event,
    client,
  }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    await publishHome(s, approvals, client, { id: event.user });
  };
