import { describe, expect, it } from 'vitest';
import { readWorkingHours } from '../../src/commands/read-working-hours.ts';
import { isInHours, nextOpening, type WorkingHours } from '../../src/delivery/working-hours.ts';

const hours = (text: string): WorkingHours => readWorkingHours(text.split(' '));
const iso = (ms: number) => new Date(ms).toISOString();
const at = (text: string) => Date.parse(text);

describe('working hours: in hours now, and the next opening', () => {
  const office = hours('mon-fri 08:00-19:00 Europe/Paris');

  it('is in hours on a weekday between the opening and the closing, local time', () => {
    // Tuesday 1 December 2026, Paris is UTC+1.
    expect(isInHours(office, at('2026-12-01T06:59:00Z'))).toBe(false);
    expect(isInHours(office, at('2026-12-01T07:00:00Z'))).toBe(true);
    expect(isInHours(office, at('2026-12-01T17:59:00Z'))).toBe(true);
    expect(isInHours(office, at('2026-12-01T18:00:00Z'))).toBe(false);
    // Saturday.
    expect(isInHours(office, at('2026-12-05T10:00:00Z'))).toBe(false);
  });

  it('opens next on Monday after a Friday evening', () => {
    expect(iso(nextOpening(office, at('2026-12-04T18:30:00Z')))).toBe('2026-12-07T07:00:00.000Z');
    // Before the opening on a weekday: the same morning.
    expect(iso(nextOpening(office, at('2026-12-01T05:00:00Z')))).toBe('2026-12-01T07:00:00.000Z');
  });

  it('opens at 08:00 local on both sides of the March change (last Sunday, 29 March 2026)', () => {
    const daily = hours('daily 08:00-19:00 Europe/Paris');
    // Saturday 28 March, 20:00 CET (UTC+1) → Sunday 08:00 CEST (UTC+2).
    expect(iso(nextOpening(daily, at('2026-03-28T19:00:00Z')))).toBe('2026-03-29T06:00:00.000Z');
    // Friday evening → Saturday 08:00 CET.
    expect(iso(nextOpening(daily, at('2026-03-27T19:00:00Z')))).toBe('2026-03-28T07:00:00.000Z');
    // Over the weekend on mon-fri: Monday 08:00 CEST.
    expect(iso(nextOpening(office, at('2026-03-27T19:00:00Z')))).toBe('2026-03-30T06:00:00.000Z');
    expect(isInHours(daily, at('2026-03-29T05:59:00Z'))).toBe(false);
    expect(isInHours(daily, at('2026-03-29T06:00:00Z'))).toBe(true);
  });

  it('opens at 08:00 local on both sides of the October change (last Sunday, 25 October 2026)', () => {
    const daily = hours('daily 08:00-19:00 Europe/Paris');
    expect(iso(nextOpening(daily, at('2026-10-23T18:00:00Z')))).toBe('2026-10-24T06:00:00.000Z');
    expect(iso(nextOpening(daily, at('2026-10-24T18:00:00Z')))).toBe('2026-10-25T07:00:00.000Z');
    expect(isInHours(daily, at('2026-10-25T06:30:00Z'))).toBe(false);
    expect(isInHours(daily, at('2026-10-25T07:00:00Z'))).toBe(true);
  });

  it('takes an overnight range as a shift belonging to the day it starts on', () => {
    const nights = hours('mon-fri 22:00-06:00 UTC');
    expect(isInHours(nights, at('2026-12-04T23:00:00Z'))).toBe(true); // Friday night
    expect(isInHours(nights, at('2026-12-05T05:00:00Z'))).toBe(true); // Saturday early, Friday's shift
    expect(isInHours(nights, at('2026-12-05T23:00:00Z'))).toBe(false); // Saturday night
    expect(isInHours(nights, at('2026-12-07T05:00:00Z'))).toBe(false); // Monday early: Sunday not listed
    expect(isInHours(nights, at('2026-12-07T12:00:00Z'))).toBe(false);
    expect(iso(nextOpening(nights, at('2026-12-05T12:00:00Z')))).toBe('2026-12-07T22:00:00.000Z');
  });

  it('whole days with 00:00-24:00', () => {
    const weekend = hours('sat,sun 00:00-24:00 UTC');
    expect(isInHours(weekend, at('2026-12-05T23:59:00Z'))).toBe(true);
    expect(isInHours(weekend, at('2026-12-07T00:00:00Z'))).toBe(false);
  });
});

describe('hours grammar', () => {
  it('reads days, range, zone and the threshold', () => {
    expect(hours('mon,wed,fri 09:30-17:00 America/New_York --hold-below medium')).toEqual({
      days: [1, 3, 5],
      start: 570,
      end: 1020,
      timeZone: 'America/New_York',
      holdBelow: 'medium',
    });
    expect(hours('every-day 08:00-19:00 UTC').days).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(hours('fri-mon 08:00-19:00 UTC').days).toEqual([0, 1, 5, 6]);
    expect(hours('mon-fri 08:00-19:00 UTC').holdBelow).toBe('high');
  });

  it.each([
    ['mon-fri 08:00-19:00 Mars/Olympus', 'unknown time zone "Mars/Olympus"'],
    ['mon-fry 08:00-19:00 UTC', 'days are like mon-fri, mon,wed,fri or daily, got "mon-fry"'],
    ['mon-fri 8h-19h UTC', 'hours are like 08:00-19:00 (24-hour clock), got "8h-19h"'],
    ['mon-fri 25:00-19:00 UTC', 'got "25:00-19:00"'],
    ['mon-fri 08:00-08:00 UTC', 'start and end at the same time'],
    ['mon-fri 08:00-19:00', 'hours needs days, a range and a time zone'],
    ['mon-fri 08:00-19:00 UTC --hold-below low', '--hold-below takes high or medium, got "low"'],
    ['mon-fri 08:00-19:00 UTC --quiet high', 'not "--quiet"'],
  ])('%s is refused: %s', (text, message) => {
    expect(() => hours(text)).toThrow(message);
  });
});
