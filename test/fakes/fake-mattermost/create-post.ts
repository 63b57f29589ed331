import type { FakeContext } from './fake-context.ts';
import type { FakePost } from './fake-model.ts';
import { type MattermostError, mmError } from './mattermost-error.ts';
import { newId } from './new-id.ts';
import { generateActionIds } from './post-actions.ts';

// Reference §3.2.
export const MAX_MESSAGE_RUNES = 16_383;
export const MAX_PROPS_RUNES = 800_000;

export interface NewPost {
  userId: string;
  channelId: string;
  message: string;
  rootId?: string;
  type?: string;
  props?: Record<string, unknown>;
}

export type PostOutcome = { ok: true; post: FakePost } | { ok: false; error: MattermostError };

const runes = (text: string) => [...text].length;

/** `Post.IsValid` checks that matter to a bot: message and props size, post type. */
export function validatePost(
  post: Pick<FakePost, 'message' | 'props' | 'type'>,
): MattermostError | undefined {
  if (runes(post.message) > MAX_MESSAGE_RUNES) {
    const message = `Message property is longer than the maximum permitted length of ${MAX_MESSAGE_RUNES} characters.`;
    return mmError(400, 'model.post.is_valid.message_length.app_error', message);
  }
  if (runes(JSON.stringify(post.props)) > MAX_PROPS_RUNES) {
    return mmError(400, 'model.post.is_valid.props.app_error', 'Invalid props.');
  }
  const allowed = post.type === '' || post.type === 'slack_attachment' || post.type.startsWith('custom_');
  if (!allowed) return mmError(400, 'model.post.is_valid.type.app_error', 'Invalid type.');
  return undefined;
}

/** A reply must point at a root post of the same channel (reference §6.3). */
function checkRoot(context: FakeContext, rootId: string, channelId: string): MattermostError | undefined {
  if (rootId === '') return undefined;
  const root = context.posts.get(rootId);
  if (root === undefined || root.delete_at !== 0 || root.root_id !== '') {
    return mmError(400, 'api.post.create_post.root_id.app_error', 'Invalid RootId parameter.');
  }
  if (root.channel_id !== channelId) {
    return mmError(
      400,
      'api.post.create_post.channel_root_id.app_error',
      'Invalid ChannelId for RootId parameter.',
    );
  }
  return undefined;
}

/** A fresh post object with the server's defaults. */
export function newPostRecord(
  fields: {
    userId: string;
    channelId: string;
    rootId: string;
    message: string;
    type: string;
    props: Record<string, unknown>;
  },
  now: number,
): FakePost {
  return {
    id: newId(),
    create_at: now,
    update_at: now,
    edit_at: 0,
    delete_at: 0,
    is_pinned: false,
    user_id: fields.userId,
    channel_id: fields.channelId,
    root_id: fields.rootId,
    original_id: '',
    message: fields.message,
    type: fields.type,
    props: fields.props,
    hashtags: '',
    file_ids: [],
    pending_post_id: '',
    reply_count: 0,
    metadata: {},
  };
}

/** Stores a post the way `App.CreatePost` does; the caller has checked the permission to post. */
export function createPost(context: FakeContext, input: NewPost): PostOutcome {
  const rootId = input.rootId ?? '';
  const rootError = checkRoot(context, rootId, input.channelId);
  if (rootError !== undefined) return { ok: false, error: rootError };
  const now = context.clock.now();
  const props = structuredClone(input.props ?? {});
  if (context.users.get(input.userId)?.isBot === true) props.from_bot = 'true';
  generateActionIds(props);
  const post = newPostRecord({ ...input, rootId, type: input.type ?? '', props }, now);
  const invalid = validatePost(post);
  if (invalid !== undefined) return { ok: false, error: invalid };
  context.posts.set(post.id, post);
  const root = context.posts.get(rootId);
  if (root !== undefined) root.reply_count += 1;
  return { ok: true, post };
}

export interface PostChange {
  /** Undefined leaves the message alone. */
  message?: string;
  /** Undefined leaves props alone; an object replaces them all. */
  props?: Record<string, unknown>;
  isPinned?: boolean;
}

/** `App.UpdatePost`: `edit_at` moves only when the text changes (reference §6.3); props are replaced. */
export function updatePost(context: FakeContext, post: FakePost, change: PostChange): PostOutcome {
  const next = structuredClone(post);
  const now = context.clock.now();
  if (change.message !== undefined && change.message !== post.message) {
    next.message = change.message;
    next.edit_at = now;
  }
  if (change.props !== undefined) next.props = structuredClone(change.props);
  if (change.isPinned !== undefined) next.is_pinned = change.isPinned;
  generateActionIds(next.props);
  const invalid = validatePost(next);
  if (invalid !== undefined) return { ok: false, error: invalid };
  next.update_at = Math.max(now, post.update_at + 1);
  context.posts.set(post.id, next);
  return { ok: true, post: next };
}
