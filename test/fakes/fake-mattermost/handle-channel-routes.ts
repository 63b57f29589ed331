import { type ApiAnswer, type ApiRequest, answer, fail, param } from './api-route.ts';
import { canRead, type FakeContext, hasRole, type StoredChannel } from './fake-context.ts';
import { channelNotFound, mmError, permissionDenied } from './mattermost-error.ts';

function channelJson(context: FakeContext, channel: StoredChannel): Record<string, unknown> {
  const posts = [...context.posts.values()].filter((post) => post.channel_id === channel.id);
  const lastPostAt = Math.max(channel.createAt, ...posts.map((post) => post.create_at));
  return {
    id: channel.id,
    create_at: channel.createAt,
    update_at: channel.createAt,
    delete_at: 0,
    team_id: channel.teamId,
    type: channel.type,
    display_name: channel.name,
    name: channel.name,
    header: '',
    purpose: '',
    last_post_at: lastPostAt,
    total_msg_count: posts.length,
    extra_update_at: 0,
    creator_id: '',
    scheme_id: null,
    group_constrained: null,
    last_root_post_at: lastPostAt,
  };
}

/** `GET /channels/{id}`. */
export function handleGetChannel(context: FakeContext, request: ApiRequest): ApiAnswer {
  const channel = context.channels.get(param(request, 'channelId'));
  if (channel === undefined) return fail(channelNotFound());
  if (!canRead(context, channel)) return fail(permissionDenied());
  return answer(200, channelJson(context, channel));
}

/** The scheme flags and implied roles of a member: a guest account is a guest everywhere, never an admin. */
export function schemeOf(guest: boolean, admin: boolean, prefix: 'channel' | 'team') {
  if (guest) {
    return { roles: `${prefix}_guest`, scheme_guest: true, scheme_user: false, scheme_admin: false };
  }
  const roles = admin ? `${prefix}_user ${prefix}_admin` : `${prefix}_user`;
  return { roles, scheme_guest: false, scheme_user: true, scheme_admin: admin };
}

/** A ChannelMember as in reference §6.4: scheme-implied roles listed in `roles`. */
function memberJson(channel: StoredChannel, userId: string, guest: boolean, admin: boolean) {
  return {
    channel_id: channel.id,
    user_id: userId,
    last_viewed_at: 0,
    msg_count: 0,
    mention_count: 0,
    mention_count_root: 0,
    urgent_mention_count: 0,
    msg_count_root: 0,
    notify_props: { desktop: 'default', email: 'default', mark_unread: 'all', push: 'default' },
    last_update_at: channel.createAt,
    ...schemeOf(guest, admin, 'channel'),
    explicit_roles: '',
  };
}

/** `GET /channels/{id}/members/{user_id}`: the bot can only look inside channels it belongs to. */
export function handleGetChannelMember(context: FakeContext, request: ApiRequest): ApiAnswer {
  const channel = context.channels.get(param(request, 'channelId'));
  if (channel === undefined || !channel.members.has(context.botUserId)) return fail(permissionDenied());
  const requested = param(request, 'userId');
  const userId = requested === 'me' ? context.botUserId : requested;
  const admin = channel.members.get(userId);
  if (admin === undefined) {
    return fail(
      mmError(
        404,
        'app.channel.get_member.missing.app_error',
        'No channel member found for that user ID and channel ID.',
      ),
    );
  }
  const guest = hasRole(context.users.get(userId), 'system_guest');
  return answer(200, memberJson(channel, userId, guest, admin));
}
