import type { CommentDialogState } from './open-action-dialog.ts';

/**
 * The signed payload and the clicked post a Comment dialog's `state` carries. A dialog opened before
 * version 2 grants holds the bare payload, whose own `m` names the post.
 */
export function readDialogState(state: unknown): { payload: unknown; messageId: string } {
  if (typeof state !== 'object' || state === null) return { payload: state, messageId: '' };
  if ('g' in state && 'p' in state) {
    const { g, p } = state as CommentDialogState;
    return { payload: g, messageId: typeof p === 'string' ? p : '' };
  }
  return { payload: state, messageId: 'm' in state ? String(state.m) : '' };
}
