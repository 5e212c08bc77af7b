/** The App Home tab: approvals waiting on the viewer and the viewer's recent requests. Pure: data in, view out. */
import type { types } from '@slack/bolt';
import type { ApprovalRecord } from '../approvals/record.js';
import { moreNote, requestItem, type TargetsNow, waitingItem } from './approvals-list.js';
import { type Block, context, divider, header, section } from './primitives.js';

export type HomeView = types.HomeView;

/** Items per list on the Home tab (at most two blocks each; a Home view allows 100 blocks). */
export const HOME_SHOWN = 20;

export type HomeData =
  | {
      readonly kind: 'lists';
      /** Pending requests the viewer may decide now. */
      readonly waiting: readonly ApprovalRecord[];
      /** The viewer's own requests, any state, newest first. */
      readonly recent: readonly ApprovalRecord[];
      /** The targets of those requests as they are now (one `nodes` query); absent when Authgear could not be read. */
      readonly targets?: TargetsNow | undefined;
    }
  /** Something the viewer should read instead of the lists (no role, approvals unavailable). */
  | { readonly kind: 'notice'; readonly text: string };

const list = (
  title: string,
  items: readonly ApprovalRecord[],
  empty: string,
  item: (r: ApprovalRecord) => Block[],
): Block[] => {
  const shown = items.slice(0, HOME_SHOWN);
  return [
    header(`${title} (${items.length})`),
    ...(items.length === 0 ? [context([empty])] : shown.flatMap(item)),
    ...moreNote(shown.length, items.length),
  ];
};

export const homeView = (data: HomeData): HomeView => {
  const blocks: Block[] =
    data.kind === 'notice'
      ? [header('Authgear approvals'), section(data.text)]
      : [
          ...list('Waiting on you', data.waiting, 'Nothing waits on your approval.', (r) =>
            waitingItem(r, data.targets),
          ),
          divider(),
          ...list('Your recent requests', data.recent, 'You have made no requests lately.', (r) =>
            requestItem(r, data.targets),
          ),
        ];
  return { type: 'home', blocks };
};
