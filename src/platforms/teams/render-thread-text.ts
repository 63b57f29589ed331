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
import { type MentionMessage, renderMentionMessage } from './render-mentions.ts';

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

/**
 * "<at>SecOps leads</at> 🚨 Escalation: ALT-1 unacknowledged after 30m": the rule's mentions by id
 * ping ahead of the sentence (render-mentions.ts); a name without an id cannot ping in Teams.
 */
export function renderReminderMessage(note: ReminderNote): MentionMessage {
  const text = reminderSentence({ ...note, mentions: [] }, escapeInline, () => undefined);
  return renderMentionMessage(text, note.mentions);
}
