import { formatDuration } from '../rules/parse-duration.ts';
import type { Mention } from '../rules/rule.ts';
import type { ReminderNote } from './card-sink.ts';
import type { WriteInline } from './write-inline.ts';

/**
 * "⏰ ALT-1 still unacknowledged after 15m — @oncall", or for the escalation "🚨 Escalation: ALT-1
 * unacknowledged after 30m — @secops-leads". `mention` writes one mention as the platform pings it,
 * or undefined for one it cannot (where pings ride elsewhere, as Teams' entities); the short id is
 * alert content, written by `write`.
 */
export function reminderSentence(
  note: ReminderNote,
  write: WriteInline,
  mention: (mention: Mention) => string | undefined,
): string {
  const alert = note.shortId === undefined ? 'This alert' : write(note.shortId, 40);
  const age = formatDuration(note.ageMs);
  const line =
    note.stage === 'remind'
      ? `⏰ ${alert} still unacknowledged after ${age}`
      : `🚨 Escalation: ${alert} unacknowledged after ${age}`;
  const names = note.mentions.map(mention).filter((written) => written !== undefined);
  return names.length === 0 ? line : `${line} — ${names.join(' ')}`;
}
