import type { UrgencyNote } from '../../actions/action-outcome.ts';
import { MUTE_FROM_CARD_MS } from '../../actions/mute-action.ts';
import {
  commentHeading,
  statusChangeSentence,
  urgencyChangeSentence,
} from '../../delivery/card-sentences.ts';
import type { ReminderNote, StatusNote } from '../../delivery/card-sink.ts';
import { reminderSentence } from '../../delivery/reminder-sentence.ts';
import { formatDuration } from '../../rules/parse-duration.ts';
import { escapeBlock, escapeInline } from './escape-teams-markdown.ts';

const MAX_NAME_RUNES = 64;
const MAX_COMMENT_RUNES = 2_000;

/** The short reply under a card when the alert's status changes: "Status of ALT-1: Pending → Acknowledged by Ana (Microsoft Teams)". */
export function renderStatusChangeText(note: StatusNote): string {
  return statusChangeSentence(note, escapeInline);
}

/** A comment added from the card, noted under it: who, then the comment's lines as paragraphs. */
export function renderCommentText(input: { by: string; text: string }): string {
  const comment = escapeBlock(input.text, MAX_COMMENT_RUNES);
  const head = commentHeading(input.by, escapeInline);
  return comment === '' ? head : `${head}\n\n${comment}`;
}

/** Said in the channel when someone mutes the card's rule, so that the pause is visible to all. */
export function renderMuteText(input: { by: string; ruleId: string }): string {
  const who = escapeInline(input.by, MAX_NAME_RUNES);
  return `${who} muted rule ${escapeInline(input.ruleId, 40)} for ${formatDuration(MUTE_FROM_CARD_MS)} from an alert card`;
}

/** An urgency changed from the card, noted under it: "Urgency of AL…: 60 → 85 by Ana: reason". */
export function renderUrgencyText(note: UrgencyNote): string {
  return urgencyChangeSentence(note, escapeInline);
}

/** "⏰ ALT-1 still unacknowledged after 15m — @oncall": names shown, not pinged (no `<at>` mention yet). */
export function renderReminderText(note: ReminderNote): string {
  return reminderSentence(note, escapeInline, (name) => escapeInline(`@${name}`, MAX_NAME_RUNES + 1));
}
