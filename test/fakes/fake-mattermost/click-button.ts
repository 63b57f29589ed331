import { applyActionUpdate } from './apply-action-update.ts';
import { asRead } from './as-read.ts';
import { buildActionRequest } from './build-action-request.ts';
import { callIntegration } from './call-integration.ts';
import { type FakeContext, isMember } from './fake-context.ts';
import { type FakePost, isRecord } from './fake-model.ts';
import { mustFindUser } from './must-find.ts';
import { findAction } from './post-actions.ts';

export interface ClickInput {
  postId: string;
  actionId: string;
  userId: string;
  /** The chosen `value` of a menu. */
  selectedOption?: string;
}

/**
 * What the clicking user gets. Only a 200 from the bot is read: any other status, a timeout or
 * invalid JSON is a 400 AppError for the client (`DoActionRequest`, integration_action.go), which
 * shows its own generic failure: nothing the bot sent (no `ephemeral_text`, no `update`) is shown.
 */
export interface ActionResult {
  /** What the server answers the clicking client: 200, or the error status. */
  status: number;
  /** The bot's HTTP status, when the call reached it. */
  botStatus?: number;
  /** The bot's answer, as applied (only from a 200). */
  response?: Record<string, unknown>;
  /** Shown to the clicker; set only when the server delivered it. */
  /** The `ephemeral_text` as the clicker reads it (asRead); `context.ephemerals` keeps the markdown. */
  ephemeralText?: string;
  /** The post after `update`, as stored. */
  post?: FakePost;
  /** Why the click failed (server log side); the user sees only a generic error. */
  error?: string;
  /** The bot did not answer within `OutgoingIntegrationRequestsTimeout`. */
  timedOut?: true;
}

// The click route is `/posts/{post_id}/actions/{action_id:[A-Za-z0-9]+}` (reference §4.1).
const ACTION_ID = /^[A-Za-z0-9]+$/;

type ParsedReply = { ok: true; response: Record<string, unknown> } | { ok: false; error: string };

/** An empty body is accepted; anything else must decode into PostActionIntegrationResponse. */
function parseActionReply(raw: string): ParsedReply {
  if (raw === '') return { ok: true, response: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { ok: false, error: 'the integration answered with invalid JSON' };
  }
  if (parsed === null) return { ok: true, response: {} };
  if (!isRecord(parsed)) return { ok: false, error: 'the integration response is not an object' };
  const { update, ephemeral_text: ephemeralText } = parsed;
  const updateOk = update === undefined || update === null || isRecord(update);
  const textOk = ephemeralText === undefined || typeof ephemeralText === 'string';
  return updateOk && textOk
    ? { ok: true, response: parsed }
    : { ok: false, error: 'the integration response has the wrong shape' };
}

/** A user clicks a button or picks a menu option on a stored post (reference §4.2–§4.4). */
export async function clickButton(context: FakeContext, input: ClickInput): Promise<ActionResult> {
  if (!ACTION_ID.test(input.actionId)) return { status: 404, error: 'no route matches this action id' };
  const user = mustFindUser(context, input.userId);
  const post = context.posts.get(input.postId);
  if (post === undefined || !isMember(context, post.channel_id, user.id)) {
    return { status: 403, error: 'the user cannot read this post' };
  }
  if (post.delete_at !== 0) return { status: 404, error: 'the post was deleted' };
  const action = findAction(post, input.actionId);
  const integration = action?.integration;
  if (action === undefined || !isRecord(integration) || typeof integration.url !== 'string') {
    return { status: 404, error: 'the post has no action with this id' };
  }
  const body = buildActionRequest(context, {
    post,
    action,
    user,
    selectedOption: input.selectedOption ?? '',
  });
  const reply = await callIntegration({
    method: 'POST',
    url: integration.url,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
    timeoutMs: context.outgoingTimeoutMs,
    blockInternal: context.blockInternalTargets,
  });
  if (!reply.ok) return { status: 400, error: reply.error, ...(reply.timedOut ? { timedOut: true } : {}) };
  const botStatus = reply.status;
  // A non-200 answer is never read, whatever it says (`status=…` in the server log).
  if (botStatus !== 200) return { status: 400, botStatus, error: `status=${botStatus}` };
  const parsed = parseActionReply(reply.raw);
  if (!parsed.ok) return { status: 400, botStatus, error: parsed.error };
  return applyActionResponse(context, post, parsed.response, { user: user.id, botStatus });
}

function applyActionResponse(
  context: FakeContext,
  post: FakePost,
  response: Record<string, unknown>,
  from: { user: string; botStatus: number },
): ActionResult {
  const result: ActionResult = { status: 200, botStatus: from.botStatus, response };
  if (isRecord(response.update)) {
    const updated = applyActionUpdate(context, post, response.update);
    if (!updated.ok) return { ...result, status: updated.error.status, error: updated.error.message };
    result.post = updated.post;
  }
  const text = response.ephemeral_text;
  if (typeof text === 'string' && text !== '') {
    const rootId = post.root_id === '' ? post.id : post.root_id;
    context.ephemerals.push({
      userId: from.user,
      channelId: post.channel_id,
      rootId,
      text,
      source: 'action',
    });
    result.ephemeralText = asRead(text);
  }
  return result;
}
