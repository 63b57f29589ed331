import type { StatusNote } from '../../delivery/card-sink.ts';
import { PLATFORM_NAMES } from '../../delivery/platform-names.ts';
import { escapeBlock, escapeInline } from './escape-markdown.ts';

const MAX_STATUS_RUNES = 60;
const MAX_NAME_RUNES = 64;
const MAX_COMMENT_RUNES = 2_000;

/** The short reply in a card's thread when the alert's status changes: "Status: Pending → Acknowledged by alice (Mattermost)". */
export function renderStatusChange(note: StatusNote): string {
  const from = note.from === undefined ? undefined : escapeInline(note.from, MAX_STATUS_RUNES);
  const to = note.to === undefined ? undefined : escapeInline(note.to, MAX_STATUS_RUNES);
  const label = note.shortId === undefined ? 'Status' : `Status of ${escapeInline(note.shortId, 40)}`;
  let change = 'changed';
  if (to !== undefined) change = from === undefined || from === to ? to : `${from} → ${to}`;
  const line = to === undefined ? `${label} ${change}` : `${label}: ${change}`;
  if (note.by === undefined) return line;
  return `${line} by ${escapeInline(note.by.name, MAX_NAME_RUNES)} (${PLATFORM_NAMES[note.by.platform]})`;
}

/** A comment added from the card, noted in its thread as a quote so that its lines stay together. */
export function renderCommentNote(input: { by: string; text: string }): string {
  const quoted = escapeBlock(input.text, MAX_COMMENT_RUNES)
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`));
  return [`${escapeInline(input.by, MAX_NAME_RUNES)} commented in Sekoia.io:`, ...quoted].join('\n');
}
