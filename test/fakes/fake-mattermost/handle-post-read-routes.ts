import { type ApiAnswer, type ApiRequest, answer, fail, param } from './api-route.ts';
import { canRead, type FakeContext } from './fake-context.ts';
import type { FakePost } from './fake-model.ts';
import { channelNotFound, invalidUrlParam, permissionDenied, postNotFound } from './mattermost-error.ts';
import { toClientPost } from './post-actions.ts';

// Reference §6: paged lists default to 60 and cap at 200.
const PER_PAGE_DEFAULT = 60;
const PER_PAGE_MAX = 200;

/** Newest first; among posts of the same millisecond, the later-created first. */
const newestFirst = (posts: readonly FakePost[]) =>
  [...posts].reverse().sort((a, b) => b.create_at - a.create_at);

/** A PostList: `order` newest first, `posts` keyed by id, integration data stripped. */
export function postList(posts: readonly FakePost[]): Record<string, unknown> {
  const sorted = newestFirst(posts);
  return {
    order: sorted.map((post) => post.id),
    posts: Object.fromEntries(sorted.map((post) => [post.id, toClientPost(post)])),
    next_post_id: '',
    prev_post_id: '',
    has_next: false,
    first_inaccessible_post_time: 0,
  };
}

function readablePost(context: FakeContext, postId: string): FakePost | ApiAnswer {
  const post = context.posts.get(postId);
  if (post === undefined || post.delete_at !== 0) return fail(postNotFound());
  const channel = context.channels.get(post.channel_id);
  if (channel === undefined || !canRead(context, channel)) return fail(permissionDenied());
  return post;
}

const isAnswer = (value: FakePost | ApiAnswer): value is ApiAnswer => !('id' in value);

/** `GET /posts/{id}`. */
export function handleGetPost(context: FakeContext, request: ApiRequest): ApiAnswer {
  const found = readablePost(context, param(request, 'postId'));
  return isAnswer(found) ? found : answer(200, toClientPost(found));
}

/** `GET /posts/{id}/thread`: the whole thread, whichever of its posts is named. */
export function handleGetThread(context: FakeContext, request: ApiRequest): ApiAnswer {
  const found = readablePost(context, param(request, 'postId'));
  if (isAnswer(found)) return found;
  const rootId = found.root_id === '' ? found.id : found.root_id;
  const thread = [...context.posts.values()].filter(
    (post) => post.delete_at === 0 && (post.id === rootId || post.root_id === rootId),
  );
  return answer(200, postList(thread));
}

function parseCount(value: string | null, fallback: number): number | undefined {
  if (value === null || value === '') return fallback;
  return /^\d+$/.test(value) ? Number(value) : undefined;
}

/**
 * `GET /channels/{id}/posts`: with `since`, every post changed after that time, deleted ones
 * included (how clients catch up); otherwise a page of live posts, newest first.
 */
export function handleGetChannelPosts(context: FakeContext, request: ApiRequest): ApiAnswer {
  const channel = context.channels.get(param(request, 'channelId'));
  if (channel === undefined) return fail(channelNotFound());
  if (!canRead(context, channel)) return fail(permissionDenied());
  const since = parseCount(request.query.get('since'), 0);
  const page = parseCount(request.query.get('page'), 0);
  const perPage = parseCount(request.query.get('per_page'), PER_PAGE_DEFAULT);
  if (since === undefined) return fail(invalidUrlParam('since'));
  if (page === undefined || perPage === undefined) return fail(invalidUrlParam('page'));
  const inChannel = [...context.posts.values()].filter((post) => post.channel_id === channel.id);
  if (since > 0) return answer(200, postList(inChannel.filter((post) => post.update_at > since)));
  const live = newestFirst(inChannel.filter((post) => post.delete_at === 0));
  const size = Math.min(perPage, PER_PAGE_MAX);
  return answer(200, postList(live.slice(page * size, page * size + size)));
}
