import { appendComment, MAX_COMMENTS_PER_ALERT } from './append-comment.ts';
import {
  type ApiRequest,
  type ApiResponse,
  errorResponse,
  type FakeContext,
  isRecord,
  nowSeconds,
} from './fake-context.ts';

const ALERT_NOT_FOUND = errorResponse(404, 'Alert not found');
const MAX_AUTHOR_LENGTH = 32;

export function listComments(context: FakeContext, request: ApiRequest): ApiResponse {
  const alert = context.store.find(request.params.id ?? '');
  if (alert === undefined) return ALERT_NOT_FOUND;
  return { status: 200, body: { items: structuredClone(alert.comments), total: alert.comments.length } };
}

export function getComment(context: FakeContext, request: ApiRequest): ApiResponse {
  const alert = context.store.find(request.params.id ?? '');
  const comment = alert?.comments.find((entry) => entry.uuid === request.params.commentId);
  return comment === undefined
    ? errorResponse(404, 'Comment not found')
    : { status: 200, body: { ...comment } };
}

/** `POST …/comments` with `content` and an optional free-text `author` (reference §7). */
export function postComment(context: FakeContext, request: ApiRequest): ApiResponse {
  const alert = context.store.find(request.params.id ?? '');
  if (alert === undefined) return ALERT_NOT_FOUND;
  const body = request.body;
  if (!isRecord(body) || typeof body.content !== 'string' || body.content.trim() === '') {
    return errorResponse(400, 'content: Missing data for required field.');
  }
  if (body.author !== undefined && body.author !== null && typeof body.author !== 'string') {
    return errorResponse(400, 'author: Not a valid string.');
  }
  // Sekoia.io automation library, action_post_a_comment_on_an_alert.json: author maxLength 32
  // (JSON Schema counts code points, as Python's len does).
  if (typeof body.author === 'string' && [...body.author].length > MAX_AUTHOR_LENGTH) {
    return errorResponse(400, `author: Longer than maximum length ${MAX_AUTHOR_LENGTH}.`);
  }
  const comment = appendComment(alert, {
    content: body.content,
    author: typeof body.author === 'string' ? body.author : undefined,
    actorUuid: request.caller.uuid,
    nowS: nowSeconds(context.clock),
  });
  if (comment === undefined) {
    return errorResponse(400, `An alert cannot have more than ${MAX_COMMENTS_PER_ALERT} comments`);
  }
  return { status: 200, body: { ...comment } };
}
