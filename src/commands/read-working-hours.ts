import type { WorkingHours } from '../delivery/working-hours.ts';
import { DAY_MINUTES, isTimeZone } from '../delivery/working-hours.ts';
import { quoted, usageError } from '../rules/usage-error.ts';

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const FULL_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const EVERY_DAY = new Set(['daily', 'every-day', 'everyday']);

/** `mon-fri`, `mon,wed,fri`, `sat-sun`, `fri-mon`, `mon-wed,fri`, `daily` → sorted day numbers (0 = Sunday). */
export function parseDays(text: string): number[] {
  const lower = text.toLowerCase();
  if (EVERY_DAY.has(lower)) return [0, 1, 2, 3, 4, 5, 6];
  const days = new Set<number>();
  for (const part of lower.split(',')) {
    const [from, to, extra] = part.split('-');
    const a = dayNumber(from, text);
    const b = to === undefined ? a : dayNumber(to, text);
    if (extra !== undefined) throw daysError(text);
    // A range may wrap round the week end: fri-mon is Fri, Sat, Sun, Mon.
    for (let day = a; ; day = (day + 1) % 7) {
      days.add(day);
      if (day === b) break;
    }
  }
  return [...days].sort((x, y) => x - y);
}

function dayNumber(word: string | undefined, text: string): number {
  const index = DAY_NAMES.findIndex((short, day) => word === short || word === FULL_NAMES[day]);
  if (index < 0) throw daysError(text);
  return index;
}

const daysError = (text: string) =>
  usageError(`days are like mon-fri, mon,wed,fri or daily, got ${quoted(text)}`, { token: text });

const CLOCK = /^([01]?\d|2[0-4]):([0-5]\d)$/;

/** `08:00-19:00` → local minutes; `22:00-06:00` is overnight; `00:00-24:00` the whole day. */
export function parseRange(text: string): { start: number; end: number } {
  const [from, to, extra] = text.split('-');
  const start = from === undefined ? undefined : clockMinutes(from);
  const end = to === undefined ? undefined : clockMinutes(to);
  if (extra !== undefined || start === undefined || end === undefined || start === DAY_MINUTES || end === 0)
    throw usageError(`hours are like 08:00-19:00 (24-hour clock), got ${quoted(text)}`, { token: text });
  if (start === end)
    throw usageError(
      `the hours start and end at the same time in ${quoted(text)}; for all day use 00:00-24:00`,
      {
        token: text,
      },
    );
  return { start, end };
}

function clockMinutes(text: string): number | undefined {
  const match = CLOCK.exec(text);
  if (!match) return undefined;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes > DAY_MINUTES ? undefined : minutes;
}

/** `<days> <HH:MM>-<HH:MM> <timezone> [--hold-below high|medium]` → the setting. */
export function readWorkingHours(words: readonly string[]): WorkingHours {
  const [days, range, timeZone, flag, level, extra] = words;
  if (days === undefined || range === undefined || timeZone === undefined)
    throw usageError(
      'hours needs days, a range and a time zone, like: hours mon-fri 08:00-19:00 Europe/Paris',
    );
  if (!isTimeZone(timeZone))
    throw usageError(`unknown time zone ${quoted(timeZone)}; use an IANA name like Europe/Paris or UTC`, {
      token: timeZone,
    });
  if (extra !== undefined) throw usageError(`hours does not take ${quoted(extra)}`, { token: extra });
  let holdBelow: WorkingHours['holdBelow'] = 'high';
  if (flag !== undefined) {
    if (flag.toLowerCase() !== '--hold-below')
      throw usageError(`hours takes --hold-below after the time zone, not ${quoted(flag)}`, { token: flag });
    const wanted = level?.toLowerCase();
    if (wanted !== 'high' && wanted !== 'medium')
      throw usageError(`--hold-below takes high or medium, got ${quoted(level ?? '')}`, {
        token: level ?? flag,
      });
    holdBelow = wanted;
  }
  return { days: parseDays(days), ...parseRange(range), timeZone, holdBelow };
}
