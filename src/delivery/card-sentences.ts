import { formatTime } from '../format-time.ts';
import type { AlertCard, ShownActivity } from './alert-card.ts';
import type { StatusNote } from './card-sink.ts';
import type { WriteInline } from './write-inline.ts';

const MAX_STATUS_RUNES = 60;
const MAX_NAME_RUNES = 64;
/**
 * More of a title than a 280-rune summary can use (the escapers read 8 units a rune at most,
 * platforms/shared/cut-input.ts): cut before joining, as joining a megabyte copies it.
 */
const SUMMARY_TITLE_UNITS = 8_192;

/** "[HIGH 82] ALT-1 Suspicious PowerShell": an alert card in one line, for notifications. */
export function alertSummary(card: AlertCard, write: WriteInline): string {
  const level = card.urgencyLevel?.toUpperCase() ?? 'ALERT';
  const urgency = card.urgency;
  const tag =
    urgency !== undefined && Number.isFinite(urgency) ? `[${level} ${Math.round(urgency)}]` : `[${level}]`;
  const title = card.title.slice(0, SUMMARY_TITLE_UNITS);
  return `${tag} ${write(card.shortId === undefined ? title : `${card.shortId} ${title}`, 280)}`;
}

/** "Acknowledged by ana from Microsoft Teams at 2026-03-02 08:00 UTC". */
export function activitySentence(activity: ShownActivity, write: WriteInline): string {
  const who = `${write(activity.verb, 40)} by ${write(activity.by, 64)}`;
  return `${who} from ${activity.from} at ${formatTime(activity.at)}`;
}

/** "Status of ALT-1: Pending → Acknowledged by ana (Microsoft Teams)", said when the status changes. */
export function statusChangeSentence(note: StatusNote, write: WriteInline): string {
  const from = note.from === undefined ? undefined : write(note.from, MAX_STATUS_RUNES);
  const to = note.to === undefined ? undefined : write(note.to, MAX_STATUS_RUNES);
  const label = note.shortId === undefined ? 'Status' : `Status of ${write(note.shortId, 40)}`;
  let change = 'changed';
  if (to !== undefined) change = from === undefined || from === to ? to : `${from} → ${to}`;
  const line = to === undefined ? `${label} ${change}` : `${label}: ${change}`;
  if (note.by === undefined) return line;
  return `${line} by ${write(note.by.name, MAX_NAME_RUNES)} (${note.by.from})`;
}

/** "ana commented in Sekoia.io:", the line above a comment added from a card. */
export function commentHeading(by: string, write: WriteInline): string {
  return `${write(by, MAX_NAME_RUNES)} commented in Sekoia.io:`;
}

/** How long a reason the thread note quotes; the full reason is in the comment in Sekoia.io. */
const MAX_REASON_RUNES = 500;

/** "Urgency of AL…: 60 → 85 by alice: reason", said in the card's thread when the urgency is changed from it. */
export function urgencyChangeSentence(
  note: { by: string; alert: string; from: number | undefined; to: number; reason: string },
  write: WriteInline,
): string {
  const from = note.from === undefined ? '?' : String(note.from);
  const who = write(note.by, MAX_NAME_RUNES);
  return `Urgency of ${write(note.alert, 40)}: ${from} → ${note.to} by ${who}: ${write(note.reason, MAX_REASON_RUNES)}`;
}
