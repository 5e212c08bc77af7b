/** The App Home tab: approvals waiting on the viewer and the viewer's recent requests. Pure: data in, view out. */
import type { types } from '@slack/bolt';
import type { ApprovalRecord } from '../approvals/record.js';
import type { GrantRecord } from '../grants/record.js';
import { moreNote, requestItem, type TargetsNow, waitingItem } from './approvals-list.js';
import { grantItem } from './grants.js';
import { type Block, context, divider, header, section } from './primitives.js';

export type HomeView = types.HomeView;

/** Items per list on the Home tab (at most two blocks each; a Home view allows 100 blocks). */
export const HOME_SHOWN = 20;
/** Grants on the Home tab (one block each): with both lists full the tab stays within 100 blocks. */
export const HOME_GRANTS_SHOWN = 10;

export type HomeData =
  | {
      readonly kind: 'lists';
      /** Pending requests the viewer may decide now. */
      readonly waiting: readonly ApprovalRecord[];
      /** The viewer's own requests, any state, newest first. */
      readonly recent: readonly ApprovalRecord[];
      /** Time-boxed grants the viewer asked for that have not ended (soonest end first), and whether they may end them. */
      readonly grants?: {
        readonly records: readonly GrantRecord[];
        readonly now: number;
        readonly canRevoke: boolean;
      };
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

const grantsList = (g: NonNullable<Extract<HomeData, { kind: 'lists' }>['grants']>): Block[] => {
  const shown = g.records.slice(0, HOME_GRANTS_SHOWN);
  return [
    divider(),
    header(`Your grants (${g.records.length})`),
    ...(shown.length === 0
      ? [context(['No time-boxed grant you asked for is running.'])]
      : shown.map((r) => grantItem(r, g.now, g.canRevoke))),
    ...moreNote(shown.length, g.records.length),
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
          ...(data.grants ? grantsList(data.grants) : []),
        ];
  return { type: 'home', blocks };
};
