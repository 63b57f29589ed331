import { type PostOutcome, updatePost } from './create-post.ts';
import type { FakeContext } from './fake-context.ts';
import { type FakePost, isRecord } from './fake-model.ts';

/** `model.PostActionRetainPropKeys`: kept from the original whatever the update says. */
export const RETAINED_PROP_KEYS = ['from_webhook', 'override_username', 'override_icon_url'];

/**
 * A button response's `update`, with the rules of reference §4.4: the message is replaced (omitted =
 * blank), props absent/null keep the original, an object replaces them all except the retained keys;
 * pinned state is preserved.
 */
export function applyActionUpdate(
  context: FakeContext,
  post: FakePost,
  update: Record<string, unknown>,
): PostOutcome {
  const message = typeof update.message === 'string' ? update.message : '';
  if (!isRecord(update.props)) return updatePost(context, post, { message, isPinned: post.is_pinned });
  const props = structuredClone(update.props);
  for (const key of RETAINED_PROP_KEYS) {
    delete props[key];
    if (key in post.props) props[key] = post.props[key];
  }
  return updatePost(context, post, { message, props, isPinned: post.is_pinned });
}
