import { type ApiAnswer, type ApiRequest, answer, fail } from './api-route.ts';
import { newPostRecord } from './create-post.ts';
import { type FakeContext, hasRole } from './fake-context.ts';
import { isRecord } from './fake-model.ts';
import { invalidBodyParam, permissionDenied } from './mattermost-error.ts';
import { toClientPost } from './post-actions.ts';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * `POST /posts/ephemeral`: needs `create_post_ephemeral`, which only system admins have by default
 * (reference §6.3), so a normal bot gets 403 here.
 */
export function handleEphemeralPost(context: FakeContext, { body }: ApiRequest): ApiAnswer {
  if (!isRecord(body)) return fail(invalidBodyParam('body'));
  const { user_id: userId, post } = body;
  if (typeof userId !== 'string' || userId === '') return fail(invalidBodyParam('user_id'));
  if (!isRecord(post)) return fail(invalidBodyParam('post'));
  if (!hasRole(context.users.get(context.botUserId), 'system_admin')) return fail(permissionDenied());
  const props = isRecord(post.props) ? structuredClone(post.props) : {};
  const attachments = Array.isArray(props.attachments) ? props.attachments : undefined;
  const fields = {
    channelId: text(post.channel_id),
    rootId: text(post.root_id),
    message: text(post.message),
  };
  context.ephemerals.push({
    userId,
    channelId: fields.channelId,
    rootId: fields.rootId,
    text: fields.message,
    ...(attachments ? { attachments } : {}),
    source: 'rest',
  });
  const sent = newPostRecord(
    { ...fields, userId: context.botUserId, type: 'system_ephemeral', props },
    context.clock.now(),
  );
  return answer(201, toClientPost(sent));
}
