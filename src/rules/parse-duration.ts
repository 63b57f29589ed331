import { quoted, usageError } from './usage-error.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface DurationLimits {
  /** How the value is called in messages: `"for" must be between …`. */
  label: string;
  min: number;
  max: number;
}

/** `mute <rule-id> <duration>`: from one minute to seven days (spec §5). */
export const MUTE_DURATION_LIMITS: DurationLimits = { label: 'duration', min: MINUTE, max: 7 * DAY };

const DURATION = /^(?:(\d{1,5})d)?(?:(\d{1,5})h)?(?:(\d{1,6})m)?$/i;

/** `30m`, `2h`, `1h30m`, `1d` → ms, within the limits; a BotError('command_usage') otherwise. */
export function parseDuration(text: string, limits: DurationLimits = MUTE_DURATION_LIMITS): number {
  const match = DURATION.exec(text.trim());
  const [, days, hours, minutes] = match ?? [];
  if (!match || (days === undefined && hours === undefined && minutes === undefined)) {
    throw usageError(
      `${quoted(limits.label)} takes a duration like 30m, 2h, 1h30m or 1d, got ${quoted(text)}`,
      {
        token: text,
      },
    );
  }
  const ms = Number(days ?? 0) * DAY + Number(hours ?? 0) * HOUR + Number(minutes ?? 0) * MINUTE;
  if (ms < limits.min || ms > limits.max) {
    const range = `between ${formatDuration(limits.min)} and ${formatDuration(limits.max)}`;
    throw usageError(`${quoted(limits.label)} must be ${range}, got ${quoted(text)}`, { token: text });
  }
  return ms;
}

/**
 * Canonical spelling, parsed back by parseDuration: `15m`, `2h`, `1h30m`, `24h`, `1d12h`, `7d`.
 * Days are used above 24 hours only, because "24h" is how people say it.
 */
export function formatDuration(ms: number): string {
  const totalMinutes = Math.round(ms / MINUTE);
  const useDays = totalMinutes > 24 * 60;
  const days = useDays ? Math.floor(totalMinutes / (24 * 60)) : 0;
  const hours = Math.floor((totalMinutes - days * 24 * 60) / 60);
  const minutes = totalMinutes % 60;
  const parts = [days ? `${days}d` : '', hours ? `${hours}h` : '', minutes ? `${minutes}m` : ''].join('');
  return parts === '' ? '0m' : parts;
}
