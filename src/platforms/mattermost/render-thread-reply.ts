import type { UrgencyNote } from '../../actions/action-outcome.ts';
import {
  commentHeading,
  statusChangeSentence,
  urgencyChangeSentence,
} from '../../delivery/card-sentences.ts';
import type { ReminderNote, StatusNote } from '../../delivery/card-sink.ts';
import { reminderSentence } from '../../delivery/reminder-sentence.ts';
import { MENTION_NAME } from '../../rules/read-notify-option.ts';
import { escapeBlock, escapeInline } from './escape-markdown.ts';

const MAX_COMMENT_RUNES = 2_000;

/** The short reply in a card's thread when the alert's status changes: "Status: Pending → Acknowledged by alice (Mattermost)". */
export function renderStatusChange(note: StatusNote): string {
  return statusChangeSentence(note, escapeInline);
}

/** A comment added from the card, noted in its thread as a quote so that its lines stay together. */
export function renderCommentNote(input: { by: string; text: string }): string {
  const quoted = escapeBlock(input.text, MAX_COMMENT_RUNES)
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`));
  return [commentHeading(input.by, escapeInline), ...quoted].join('\n');
}

/** An urgency changed from the card: "Urgency of AL…: 60 → 85 by alice: reason", escaped. */
export function renderUrgencyNote(note: UrgencyNote): string {
  return urgencyChangeSentence(note, escapeInline);
}

/**
 * "⏰ ALT-1 still unacknowledged after 15m — @oncall": names are real mentions, written as typed
 * (MENTION_NAME's charset, checked again); a mention by id (another platform's) cannot ping here.
 */
export function renderReminder(note: ReminderNote): string {
  return reminderSentence(note, escapeInline, (mention) =>
    mention.id === undefined && MENTION_NAME.test(mention.name) ? `@${mention.name}` : undefined,
  );
}
