import { z } from 'zod';
import type { DoctorContext } from '../../doctor/doctor-check.ts';
import type { ApiReply } from './fetch-mattermost-api.ts';
import { fetchMattermostApi } from './fetch-mattermost-api.ts';

const channelSchema = z.object({ name: z.string().max(64) });

export type ChannelMembership =
  | { member: true }
  /** `label`: `~name` when the bot can read the channel, else its id and why not. */
  | { member: false; label: string; readable: boolean }
  | { member: undefined; reply: ApiReply };

/**
 * Whether the bot is a member of a channel (`GET /channels/{id}/members/me`: 403 or 404 when not,
 * reference §6.2), and when not, its name if the bot may read it (a public channel of its team).
 */
export async function readChannelMembership(
  context: DoctorContext,
  channelId: string,
): Promise<ChannelMembership> {
  const id = encodeURIComponent(channelId);
  const membership = await fetchMattermostApi(context, `channels/${id}/members/me`);
  if (membership.kind !== 'answer') return { member: undefined, reply: membership };
  if (membership.status === 200) return { member: true };
  if (membership.status !== 403 && membership.status !== 404) return { member: undefined, reply: membership };
  const channel = await fetchMattermostApi(context, `channels/${id}`);
  const parsed = channelSchema.safeParse(channel.kind === 'answer' ? channel.body : undefined);
  if (channel.kind === 'answer' && channel.status === 200 && parsed.success)
    return { member: false, label: `~${parsed.data.name}`, readable: true };
  const why = channel.kind === 'answer' && channel.status === 404 ? 'deleted or unknown' : 'private';
  return { member: false, label: `channel ${channelId.slice(0, 64)} (${why})`, readable: false };
}
