import { MUTE_FROM_CARD_MS } from '../../actions/create-card-actions.ts';
import type { StatusNote } from '../../delivery/card-sink.ts';
import { PLATFORM_NAMES } from '../../delivery/platform-names.ts';
import { formatDuration } from '../../rules/parse-duration.ts';
import { escapeBlock, escapeInline } from './escape-teams-markdown.ts';

const MAX_STATUS_RUNES = 60;
const MAX_NAME_RUNES = 64;
const MAX_COMMENT_RUNES = 2_000;

/** The short reply under a card when the alert's status changes: "Status of ALT-1: Pending → Acknowledged by Ana (Microsoft Teams)". */
export function renderStatusChangeText(note: StatusNote): string {
  const from = note.from === undefined ? undefined : escapeInline(note.from, MAX_STATUS_RUNES);
  const to = note.to === undefined ? undefined : escapeInline(note.to, MAX_STATUS_RUNES);
  const label = note.shortId === undefined ? 'Status' : `Status of ${escapeInline(note.shortId, 40)}`;
  let change = 'changed';
  if (to !== undefined) change = from === undefined || from === to ? to : `${from} → ${to}`;
  const line = to === undefined ? `${label} ${change}` : `${label}: ${change}`;
  if (note.by === undefined) return line;
  return `${line} by ${escapeInline(note.by.name, MAX_NAME_RUNES)} (${PLATFORM_NAMES[note.by.platform]})`;
}

/** A comment added from the card, noted under it: who, then the comment's lines as paragraphs. */
export function renderCommentText(input: { by: string; text: string }): string {
  const comment = escapeBlock(input.text, MAX_COMMENT_RUNES);
  const head = `${escapeInline(input.by, MAX_NAME_RUNES)} commented in Sekoia.io:`;
  return comment === '' ? head : `${head}\n\n${comment}`;
}

/** Said in the channel when someone mutes the card's rule, so that the pause is visible to all. */
export function renderMuteText(input: { by: string; ruleId: string }): string {
  const who = escapeInline(input.by, MAX_NAME_RUNES);
  return `${who} muted rule ${escapeInline(input.ruleId, 40)} for ${formatDuration(MUTE_FROM_CARD_MS)} from an alert card`;
}
