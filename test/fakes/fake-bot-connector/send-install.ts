import { buildInboundActivity } from './build-inbound-activity.ts';
import { type ConnectorContext, mustFindTeam, mustFindUser } from './connector-context.ts';
import type { FakeTeamsUser } from './connector-model.ts';
import { newEventId } from './new-teams-id.ts';
import { postToBot } from './post-to-bot.ts';

export interface SendInstallInput {
  botUrl: string;
  teamId: string;
  /** Who installs; default the team's first member, else a stand-in admin account. */
  from?: string;
  /** Also send the `installationUpdate` (`action: "add"`) Teams sends with it (§2); default true. */
  installationUpdate?: boolean;
  authorization?: string;
}

export interface SendInstallResult {
  /** The bot's HTTP status for the `conversationUpdate`. */
  status: number;
  /** One per activity sent, in order: `conversationUpdate`, then `installationUpdate`. */
  statuses: number[];
  activities: Record<string, unknown>[];
}

const INSTALLER: FakeTeamsUser = {
  id: '29:1install-admin',
  name: 'Teams Admin',
  aadObjectId: '22222222-2222-2222-2222-222222222222',
  userPrincipalName: 'teams.admin@example.invalid',
  userRole: 'user',
};

/**
 * The bot is added to a team: it is installed from now on, and receives the `conversationUpdate`
 * (`teamMemberAdded`, the bot in `membersAdded`) of reference teams.md §11, then the
 * `installationUpdate` both of which carry what a reference needs.
 */
export async function sendInstall(
  context: ConnectorContext,
  input: SendInstallInput,
): Promise<SendInstallResult> {
  const team = mustFindTeam(context, input.teamId);
  const firstMember = [...team.members][0];
  const fromId = input.from ?? firstMember;
  const from = fromId === undefined ? INSTALLER : mustFindUser(context, fromId);
  team.botInstalled = true;
  const where = { type: 'channel' as const, team, channelId: team.id };
  const envelope = { id: newEventId(), conversationId: team.id, from, where };
  const teamInfo = { id: team.id, name: team.name, aadGroupId: team.aadGroupId };
  const tenant = { id: context.tenantId };
  const update = buildInboundActivity(context, { ...envelope, type: 'conversationUpdate' });
  const added = { membersAdded: [{ id: context.botId }] };
  const activities: Record<string, unknown>[] = [
    { ...update, ...added, channelData: { eventType: 'teamMemberAdded', team: teamInfo, tenant } },
  ];
  if (input.installationUpdate !== false) {
    const install = buildInboundActivity(context, {
      ...envelope,
      id: newEventId(),
      type: 'installationUpdate',
    });
    activities.push({ ...install, action: 'add', channelData: { team: teamInfo, tenant } });
  }
  const statuses: number[] = [];
  for (const activity of activities) {
    const reply = await postToBot({
      botUrl: input.botUrl,
      activity,
      timeoutMs: context.botTimeoutMs,
      ...(input.authorization === undefined ? {} : { authorization: input.authorization }),
    });
    statuses.push(reply.status);
  }
  return { status: statuses[0] ?? 0, statuses, activities };
}
