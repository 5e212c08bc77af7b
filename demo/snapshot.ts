/** One person's view of the workspace, as the page receives it. */
import type { AdminLog } from './authgear-log.js';
import type { DemoDirectory } from './directory.js';
import type { PersonSnapshot } from './workspace/types.js';
import type { Workspace } from './workspace/workspace.js';

/** How many Admin API operations the side panel lists. */
export const PANEL_OPERATIONS = 100;

export const snapshotFor = (
  personId: string,
  deps: {
    readonly directory: DemoDirectory;
    readonly workspace: Workspace;
    readonly adminLog: AdminLog;
    readonly bot: { readonly userId: string; readonly name: string };
  },
  /** The page's horizon: ephemerals from before the page loaded are gone, as in Slack. */
  horizon?: number,
): PersonSnapshot => {
  const { directory, workspace } = deps;
  const conversations = directory.conversationsOf(personId);
  const stack = workspace.modals(personId);
  const top = stack.at(-1);
  return {
    me: personId,
    bot: deps.bot,
    people: directory.people.map((p) => ({ id: p.id, handle: p.handle, realName: p.realName, role: p.role })),
    channels: directory.channels.map((c) => ({ id: c.id, name: c.name })),
    usergroups: directory.usergroups.map((g) => ({ id: g.id, handle: g.handle })),
    conversations,
    messages: Object.fromEntries(
      conversations.map((c) => [c.id, workspace.visibleIn(c.id, personId, horizon)]),
    ),
    modal: top ? { ...top, depth: stack.length } : undefined,
    home: workspace.home(personId),
    operations: deps.adminLog.latest(PANEL_OPERATIONS),
  };
};
