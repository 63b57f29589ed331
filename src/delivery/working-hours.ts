import { z } from 'zod';

/** Minutes in a day; `end` may be 1440 (`24:00`). */
export const DAY_MINUTES = 1_440;
const DAY_MS = 86_400_000;

/** What `hours mon-fri 08:00-19:00 Europe/Paris` stores for a channel. */
export const workingHoursSchema = z.strictObject({
  /** Days a shift starts on, 0 = Sunday … 6 = Saturday, sorted, no duplicates. */
  days: z.array(z.number().int().min(0).max(6)).min(1).max(7),
  /** Local minutes since midnight; `end` before `start` is an overnight shift ending the next day. */
  start: z
    .number()
    .int()
    .min(0)
    .max(DAY_MINUTES - 1),
  end: z.number().int().min(1).max(DAY_MINUTES),
  /** IANA name, checked with Intl when set. */
  timeZone: z.string().min(1).max(64),
  /** Alerts under this urgency are held outside hours; `high` always passes. */
  holdBelow: z.enum(['medium', 'high']),
});

export type WorkingHours = z.infer<typeof workingHoursSchema>;

interface LocalTime {
  year: number;
  month: number;
  day: number;
  weekday: number;
  minutes: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
/**
 * Formatters by zone: building one costs far more than using it, and it is immutable. Bounded by the
 * zones Intl knows (a few hundred), since only validated zones are stored.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

/** Whether Intl knows the zone (an IANA name such as Europe/Paris, or UTC). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    // Intl throws a RangeError for an unknown zone: that is the answer, not a failure.
    return false;
  }
}

/** The wall clock of `ms` in `timeZone`. */
export function localTime(ms: number, timeZone: string): LocalTime {
  let format = formats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(ms).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    weekday: WEEKDAYS.indexOf(parts.weekday ?? ''),
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** Whether the channel is within its working hours at `now`. */
export function isInHours(hours: WorkingHours, now: number): boolean {
  const local = localTime(now, hours.timeZone);
  const on = (weekday: number) => hours.days.includes((weekday + 7) % 7);
  if (hours.start < hours.end)
    return on(local.weekday) && local.minutes >= hours.start && local.minutes < hours.end;
  // Overnight: the shift belongs to the day it starts on.
  return (
    (on(local.weekday) && local.minutes >= hours.start) ||
    (on(local.weekday - 1) && local.minutes < hours.end)
  );
}

/**
 * The first opening (local `start` on a listed day) after `now`, as epoch ms. Computed on the local
 * calendar, so the opening stays at 08:00 local on both sides of a daylight-saving change.
 */
export function nextOpening(hours: WorkingHours, now: number): number {
  return nextLocalTime({ minutes: hours.start, timeZone: hours.timeZone, days: hours.days }, now);
}

/**
 * The first time after `now` that the wall clock of `timeZone` shows `minutes` past midnight, on one
 * of `days` (0 = Sunday; every day when absent), as epoch ms: a daily digest's next run.
 */
export function nextLocalTime(
  at: { minutes: number; timeZone: string; days?: readonly number[] },
  now: number,
): number {
  for (let offset = 0; offset <= 8; offset += 1) {
    const local = localTime(now + offset * DAY_MS, at.timeZone);
    if (at.days !== undefined && !at.days.includes(local.weekday)) continue;
    const when = zonedToEpoch(local, at.minutes, at.timeZone);
    if (when > now) return when;
  }
  // Unreachable with at least one day listed: a week always holds an opening after now.
  return now + 7 * DAY_MS;
}

/** `2026-12-08`: the local calendar date of `ms` in `timeZone`. */
export function localDate(ms: number, timeZone: string): string {
  const { year, month, day } = localTime(ms, timeZone);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Epoch ms of `minutes` past midnight on the local date of `local` in `timeZone`. */
function zonedToEpoch(local: LocalTime, minutes: number, timeZone: string): number {
  const wall = Date.UTC(local.year, local.month - 1, local.day, Math.floor(minutes / 60), minutes % 60);
  const offsetAt = (ms: number) => {
    const seen = localTime(ms, timeZone);
    return (
      Date.UTC(seen.year, seen.month - 1, seen.day, Math.floor(seen.minutes / 60), seen.minutes % 60) - ms
    );
  };
  const guess = wall - offsetAt(wall);
  // Once more with the offset in force at the guess: right on both sides of a change.
  return wall - offsetAt(guess);
}
