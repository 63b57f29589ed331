import { type ConnectorContext, channelOf, mustFindTeam, mustFindUser } from './connector-context.ts';
import type { FakeChannelMembershipType, FakeTeamsChannel } from './connector-model.ts';
import { newChannelId } from './new-teams-id.ts';

export interface AddChannelInput {
  /** The host team. */
  teamId: string;
  name: string;
  membershipType: Exclude<FakeChannelMembershipType, 'standard'>;
  /**
   * The channel's own roster. A private channel's members are on the team already (they join it
   * here); a shared channel's may come from other teams or tenants and stay off the host team.
   */
  members: string[];
}

/** Private and shared channels (learn.microsoft.com/microsoftteams/platform/build-apps-for-shared-private-channels). */
export interface FakeChannelControls {
  /** A channel with its own roster, hosted by a team; the app is not in it until `sendChannelInstall`. */
  addChannel(input: AddChannelInput): FakeTeamsChannel;
  addChannelMember(channelId: string, userId: string): void;
}

function mustFindChannel(context: ConnectorContext, channelId: string) {
  const found = channelOf(context, channelId);
  if (found === undefined) throw new Error(`fake Bot Connector has no channel ${channelId}`);
  return found;
}

function join(context: ConnectorContext, channelId: string, userId: string): void {
  mustFindUser(context, userId);
  const { team, channel } = mustFindChannel(context, channelId);
  if (channel.membershipType === 'standard') throw new Error(`channel ${channelId} uses its team's roster`);
  if (!channel.members.includes(userId)) channel.members.push(userId);
  // A private channel is a subset of its team: "not supported for private channels" to add outsiders.
  if (channel.membershipType === 'private') team.members.add(userId);
}

export function createChannelControls(context: ConnectorContext): FakeChannelControls {
  return {
    addChannel(input) {
      const team = mustFindTeam(context, input.teamId);
      const { name, membershipType } = input;
      const channel = { id: newChannelId(), name, membershipType, members: [], botAdded: false };
      team.channels.push(channel);
      for (const userId of input.members) join(context, channel.id, userId);
      return structuredClone(channel);
    },
    addChannelMember: (channelId, userId) => join(context, channelId, userId),
  };
}

/** For drivers: the channel's record, checked. */
export function mustFindPrivateOrShared(context: ConnectorContext, channelId: string) {
  const found = mustFindChannel(context, channelId);
  if (found.channel.membershipType === 'standard') {
    throw new Error(`channel ${channelId} is standard: the app comes with its team (sendInstall)`);
  }
  return found;
}
