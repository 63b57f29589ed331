import { formatDuration } from '../rules/parse-duration.ts';
import type { ReminderNote } from './card-sink.ts';
import type { WriteInline } from './write-inline.ts';

/**
 * "⏰ ALT-1 still unacknowledged after 15m — @oncall", or for the escalation "🚨 Escalation: ALT-1
 * unacknowledged after 30m — @secops-leads". `mention` writes one name as the platform pings it (or
 * shows it); the short id is alert content, written by `write`.
 */
export function reminderSentence(
  note: ReminderNote,
  write: WriteInline,
  mention: (name: string) => string,
): string {
  const alert = note.shortId === undefined ? 'This alert' : write(note.shortId, 40);
  const age = formatDuration(note.ageMs);
  const line =
    note.stage === 'remind'
      ? `⏰ ${alert} still unacknowledged after ${age}`
      : `🚨 Escalation: ${alert} unacknowledged after ${age}`;
  return note.mentions.length === 0 ? line : `${line} — ${note.mentions.map(mention).join(' ')}`;
}
