import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { z } from 'zod';
import type { ApprovalService } from '../../approvals/service.js';
import { BlockIds } from '../../blocks/ids.js';
import type { Services } from '../../services.js';
import { publishHome } from '../app-home.js';
import { parseJsonValue } from '../interaction.js';
import { decideAndTell } from './tell.js';

const metadataSchema = z.object({
  id: z.string(),
  channelId: z.string().optional(),
  /** Opened from the App Home tab: redraw it after the decision. */
  home: z.boolean().optional(),
});

/** The reason modal's submit: the right is checked again, then the store decides (first decision wins). */
export const onRejectSubmit =
  (s: Services, approvals: ApprovalService) =>
  async ({
    ack,
    body,
    view,
    client,
  }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const meta = metadataSchema.safeParse(parseJsonValue(view.private_metadata));
    const who = { userId: body.user.id, channelId: meta.success ? meta.data.channelId : undefined };
    const reason = view.state.values[BlockIds.reason]?.[BlockIds.reason]?.value ?? undefined;
    await decideAndTell(s, client, who, 'approval_reject_modal', async () => {
      if (!meta.success) return { ok: false, message: 'This form is out of date. Open the request again.' };
      const actor = await s.actorOf({ id: body.user.id, teamId: body.user.team_id, name: body.user.name });
      return approvals.reject(meta.data.id, actor, reason);
    });
    if (meta.success && meta.data.home)
      await publishHome(s, approvals, client, { id: body.user.id, teamId: body.user.team_id });
  };
