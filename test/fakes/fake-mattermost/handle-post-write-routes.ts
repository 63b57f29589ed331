import { type ApiAnswer, type ApiRequest, answer, fail, param, statusOk } from './api-route.ts';
import { createPost, type PostChange, updatePost } from './create-post.ts';
import { type FakeContext, isMember } from './fake-context.ts';
import { type FakePost, isRecord } from './fake-model.ts';
import { invalidBodyParam, permissionDenied, postNotFound } from './mattermost-error.ts';
import { toClientPost } from './post-actions.ts';

const optionalString = (value: unknown): value is string | undefined =>
  value === undefined || typeof value === 'string';
const optionalProps = (value: unknown): value is Record<string, unknown> | null | undefined =>
  value === undefined || value === null || isRecord(value);

/** `POST /posts`: the bot posts as itself into a channel it belongs to (reference §6.2, §6.3). */
export function handleCreatePost(context: FakeContext, { body }: ApiRequest): ApiAnswer {
  if (!isRecord(body)) return fail(invalidBodyParam('post'));
  const { channel_id: channelId, message, root_id: rootId, type, props } = body;
  const wellTyped = optionalString(message) && optionalString(rootId) && optionalString(type);
  if (!wellTyped || !optionalProps(props)) return fail(invalidBodyParam('post'));
  if (typeof channelId !== 'string' || channelId === '') return fail(invalidBodyParam('channel_id'));
  // An unknown channel and a channel the bot is not in both fail the `create_post` check.
  if (!isMember(context, channelId, context.botUserId)) return fail(permissionDenied());
  const outcome = createPost(context, {
    userId: context.botUserId,
    channelId,
    message: message ?? '',
    ...(rootId === undefined ? {} : { rootId }),
    ...(type === undefined ? {} : { type }),
    ...(props ? { props } : {}),
  });
  return outcome.ok ? answer(201, toClientPost(outcome.post)) : fail(outcome.error);
}

/** The post the bot may edit: a missing post is a permission error, as in the server (api4/post.go). */
function editablePost(context: FakeContext, postId: string): FakePost | undefined {
  const post = context.posts.get(postId);
  if (post === undefined || post.delete_at !== 0) return undefined;
  const own = post.user_id === context.botUserId;
  return own && isMember(context, post.channel_id, context.botUserId) ? post : undefined;
}

function applyChange(context: FakeContext, postId: string, change: PostChange): ApiAnswer {
  const post = editablePost(context, postId);
  if (post === undefined) return fail(permissionDenied());
  const outcome = updatePost(context, post, change);
  return outcome.ok ? answer(200, toClientPost(outcome.post)) : fail(outcome.error);
}

/** `PUT /posts/{id}/patch`: only the given fields; props replaced wholesale, never merged. */
export function handlePatchPost(context: FakeContext, request: ApiRequest): ApiAnswer {
  const { body } = request;
  if (!isRecord(body) || !optionalString(body.message) || !optionalProps(body.props)) {
    return fail(invalidBodyParam('post'));
  }
  const change: PostChange = {
    ...(body.message === undefined ? {} : { message: body.message }),
    ...(isRecord(body.props) ? { props: body.props } : {}),
    ...(typeof body.is_pinned === 'boolean' ? { isPinned: body.is_pinned } : {}),
  };
  return applyChange(context, param(request, 'postId'), change);
}

/** `PUT /posts/{id}`: a full update, so omitted fields become blank (reference §6.2). */
export function handleUpdatePost(context: FakeContext, request: ApiRequest): ApiAnswer {
  const { body } = request;
  if (!isRecord(body) || !optionalString(body.message) || !optionalProps(body.props)) {
    return fail(invalidBodyParam('post'));
  }
  if (body.id !== param(request, 'postId')) return fail(invalidBodyParam('id'));
  const props = isRecord(body.props) ? body.props : {};
  return applyChange(context, param(request, 'postId'), {
    message: body.message ?? '',
    props,
    isPinned: body.is_pinned === true,
  });
}

/** `DELETE /posts/{id}`: soft delete of the bot's own post, with its replies. */
export function handleDeletePost(context: FakeContext, request: ApiRequest): ApiAnswer {
  const post = context.posts.get(param(request, 'postId'));
  if (post === undefined || post.delete_at !== 0) return fail(postNotFound());
  if (editablePost(context, post.id) === undefined) return fail(permissionDenied());
  const now = context.clock.now();
  for (const each of context.posts.values()) {
    if (each.id === post.id || each.root_id === post.id) {
      each.delete_at = now;
      each.update_at = now;
    }
  }
  return statusOk();
}
