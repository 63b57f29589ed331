import { z } from 'zod';
import type { MemberDirectory } from '../../access/member-roles.ts';
import { isBotError } from '../../errors.ts';
import type { MattermostClient } from './create-mattermost-client.ts';

// Only the fields the policy reads; the rest of each answer is left alone (reference §6.4).
const channelMemberSchema = z.object({ scheme_admin: z.boolean(), scheme_guest: z.boolean().optional() });
const teamMemberSchema = z.object({
  scheme_admin: z.boolean(),
  scheme_guest: z.boolean().optional(),
  delete_at: z.number().optional(),
});
const userSchema = z.object({ roles: z.string() });
const channelSchema = z.object({ team_id: z.string(), type: z.string() });

const hasRole = (roles: string, role: string) => roles.split(/\s+/).includes(role);

/** The answer, or undefined for a 404 (no such member); any other failure is thrown. */
async function unlessMissing<T>(call: Promise<unknown>, schema: z.ZodType<T>): Promise<T | undefined> {
  try {
    return schema.parse(await call);
  } catch (error) {
    if (isBotError(error, 'platform_rejected') && error.details.status === 404) return undefined;
    throw error;
  }
}

/**
 * Roles through the REST API with the bot's token (reference §6.4): `scheme_admin` on the channel
 * member (channel admin) or on the team member (team admin), `system_admin` / `system_guest` in the
 * user's roles, `scheme_guest` on the channel member. DM and group channels have no admins.
 */
export function createMattermostMemberDirectory(client: MattermostClient): MemberDirectory {
  return {
    async readMemberRoles(channelId, userId) {
      const [member, user, channel] = await Promise.all([
        unlessMissing(client.getChannelMember(channelId, userId), channelMemberSchema),
        client.getUser(userId).then((answer) => userSchema.parse(answer)),
        client.getChannel(channelId).then((answer) => channelSchema.parse(answer)),
      ]);
      const guest = hasRole(user.roles, 'system_guest') || member?.scheme_guest === true;
      const known = { member: member !== undefined, guest };
      if (hasRole(user.roles, 'system_admin')) return { ...known, admin: true };
      if (member?.scheme_admin === true) return { ...known, admin: true };
      if (guest || channel.team_id === '') return { ...known, admin: false };
      const teamMember = await unlessMissing(client.getTeamMember(channel.team_id, userId), teamMemberSchema);
      const teamAdmin = teamMember?.scheme_admin === true && !teamMember.delete_at;
      return { ...known, admin: teamAdmin };
    },
  };
}
