import { localTime, type WorkingHours } from './working-hours.ts';

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** `Mon–Fri 08:00–19:00 Europe/Paris`, as the `hours` command shows it. */
export function describeWorkingHours(hours: WorkingHours): string {
  const name = (day: number) => DAY_NAMES[day] ?? '';
  const days =
    hours.days.length === 7
      ? 'every day'
      : compactDays(hours.days)
          .map((run) =>
            run.length > 2 ? `${name(run[0] ?? 0)}–${name(run.at(-1) ?? 0)}` : run.map(name).join(', '),
          )
          .join(', ');
  return `${days} ${clock(hours.start)}–${clock(hours.end)} ${hours.timeZone}`;
}

/** Consecutive days together: [1,2,3,4,5] → [[1..5]]. */
function compactDays(days: readonly number[]): number[][] {
  const runs: number[][] = [];
  for (const day of days) {
    const last = runs.at(-1);
    if (last !== undefined && last.at(-1) === day - 1) last.push(day);
    else runs.push([day]);
  }
  return runs;
}

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** `Tue 08:00 Europe/Paris`: a time as the channel's working hours read it. */
export function describeLocalTime(ms: number, timeZone: string): string {
  const local = localTime(ms, timeZone);
  return `${DAY_NAMES[local.weekday] ?? ''} ${clock(local.minutes)} ${timeZone}`;
}
