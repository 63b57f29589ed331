import { createPost } from './create-post.ts';
import { type FakeContext, isMember } from './fake-context.ts';
import { type EphemeralSource, type FakePost, isRecord } from './fake-model.ts';
import type { CommandInvocation } from './response-urls.ts';

export type CommandResponse = Record<string, unknown>;

// Props the server controls; a command response cannot set them (reference §2.4).
const RESERVED_PROPS = [
  'from_webhook',
  'from_bot',
  'from_oauth_app',
  'from_plugin',
  'force_notification',
  'silent_notification',
  'override_username',
  'override_icon_url',
  'override_icon_emoji',
  'webhook_display_name',
  'card',
  'attachments',
];

export const EMPTY_RESPONSE_ERROR = "Command with a trigger of '/sekoia' returned an empty response.";

/** Field values are stringified, as `CommandResponseFromJSON` does. */
function stringifyFieldValues(attachments: unknown): void {
  if (!Array.isArray(attachments)) return;
  for (const attachment of attachments.filter(isRecord)) {
    const fields = Array.isArray(attachment.fields) ? attachment.fields.filter(isRecord) : [];
    for (const field of fields) {
      if (typeof field.value === 'number' || typeof field.value === 'boolean')
        field.value = String(field.value);
    }
  }
}

/** Reference §2.4: only the media type decides; JSON must parse, anything else becomes `text`. */
export function parseCommandResponse(
  contentType: string | undefined,
  raw: string,
): { ok: true; response: CommandResponse } | { ok: false; error: string } {
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') return { ok: true, response: { text: raw } };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { ok: false, error: EMPTY_RESPONSE_ERROR };
  }
  if (!isRecord(parsed)) return { ok: false, error: EMPTY_RESPONSE_ERROR };
  stringifyFieldValues(parsed.attachments);
  for (const extra of Array.isArray(parsed.extra_responses) ? parsed.extra_responses.filter(isRecord) : []) {
    stringifyFieldValues(extra.attachments);
  }
  return { ok: true, response: parsed };
}

export interface Delivery {
  posts: FakePost[];
  errors: string[];
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

function deliverOne(
  context: FakeContext,
  invocation: CommandInvocation,
  response: CommandResponse,
  source: EphemeralSource,
  delivery: Delivery,
): void {
  const channelId = text(response.channel_id) || invocation.channelId;
  if (channelId !== invocation.channelId && !isMember(context, channelId, invocation.userId)) {
    delivery.errors.push(`the invoking user is not a member of channel ${channelId}`);
    return;
  }
  const attachments = Array.isArray(response.attachments) ? response.attachments : undefined;
  const kind = text(response.response_type);
  if (kind === '' || kind === 'ephemeral') {
    if (text(response.text) === '' && attachments === undefined) return;
    const { userId, rootId } = invocation;
    const extra = attachments ? { attachments } : {};
    context.ephemerals.push({ userId, channelId, rootId, text: text(response.text), ...extra, source });
    return;
  }
  if (kind !== 'in_channel') {
    delivery.errors.push(`response_type "${kind}" is not valid`);
    return;
  }
  const props = isRecord(response.props) ? structuredClone(response.props) : {};
  for (const key of RESERVED_PROPS) delete props[key];
  props.from_webhook = 'true';
  if (attachments) props.attachments = attachments;
  const type = attachments ? 'slack_attachment' : text(response.type);
  const message = text(response.text);
  const created = createPost(context, { ...invocation, channelId, message, type, props });
  if (created.ok) delivery.posts.push(created.post);
  else delivery.errors.push(`${created.error.id}: ${created.error.message}`);
}

/**
 * What the server does with a command reply (direct or through `response_url`): ephemeral text to the
 * invoker, `in_channel` posts as the invoker flagged `from_webhook`, then each of `extra_responses`.
 */
export function deliverCommandResponse(
  context: FakeContext,
  invocation: CommandInvocation,
  response: CommandResponse,
  source: EphemeralSource,
): Delivery {
  const delivery: Delivery = { posts: [], errors: [] };
  deliverOne(context, invocation, response, source, delivery);
  const extras = Array.isArray(response.extra_responses) ? response.extra_responses.filter(isRecord) : [];
  for (const extra of extras) deliverOne(context, invocation, extra, source, delivery);
  return delivery;
}
