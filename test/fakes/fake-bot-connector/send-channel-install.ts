import { buildInboundActivity } from './build-inbound-activity.ts';
import { mustFindPrivateOrShared } from './channel-controls.ts';
import { type ConnectorContext, mustFindUser } from './connector-context.ts';
import { newEventId } from './new-teams-id.ts';
import { postToBot } from './post-to-bot.ts';

export interface SendChannelInstallInput {
  botUrl: string;
  /** A private or shared channel whose host team has the app installed. */
  channelId: string;
  /** Who adds the app; default the channel's first member. */
  from?: string;
  authorization?: string;
}

export interface SendChannelInstallResult {
  status: number;
  activity: Record<string, unknown>;
}

/**
 * The app is added to a private or shared channel: from now on the channel reaches the bot, which
 * hears of it by a `conversationUpdate` whose `channelData.eventType` is `channelMemberAdded`, the bot
 * in `membersAdded`, from the channel's own conversation, the host team in `channelData.team`
 * (learn.microsoft.com/microsoftteams/platform/build-apps-for-shared-private-channels, "Verify app
 * addition to a channel"; the app must first be installed in the host team, same page).
 */
export async function sendChannelInstall(
  context: ConnectorContext,
  input: SendChannelInstallInput,
): Promise<SendChannelInstallResult> {
  const { team, channel } = mustFindPrivateOrShared(context, input.channelId);
  if (!team.botInstalled) throw new Error(`the app is not installed in the host team ${team.id}`);
  const fromId = input.from ?? channel.members[0];
  if (fromId === undefined) throw new Error(`channel ${channel.id} has no member to add the app`);
  const from = mustFindUser(context, fromId);
  channel.botAdded = true;
  const where = { type: 'channel' as const, team, channelId: channel.id };
  const base = buildInboundActivity(context, {
    type: 'conversationUpdate',
    id: newEventId(),
    conversationId: channel.id,
    from,
    where,
  });
  const activity = {
    ...base,
    membersAdded: [{ id: context.botId }],
    channelData: {
      eventType: 'channelMemberAdded',
      channel: { id: channel.id, name: channel.name, type: channel.membershipType },
      team: { id: team.id, name: team.name, aadGroupId: team.aadGroupId },
      tenant: { id: context.tenantId },
    },
  };
  const reply = await postToBot({
    botUrl: input.botUrl,
    activity,
    timeoutMs: context.botTimeoutMs,
    ...(input.authorization === undefined ? {} : { authorization: input.authorization }),
  });
  return { status: reply.status, activity };
}
