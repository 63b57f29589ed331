import { describe, expect, it } from 'vitest';
import { readDigestTime } from '../../src/commands/digest-command.ts';
import { type DigestSetting, digestRun, nextDigestAt } from '../../src/delivery/digest-setting.ts';

const iso = (ms: number) => new Date(ms).toISOString();
const at = (text: string) => Date.parse(text);
const CHANNEL = { platform: 'teams', team: 't1', channel: '19:soc@thread.tacv2' } as const;
const paris: DigestSetting = { ...readDigestTime('09:00', 'Europe/Paris'), stamp: 1 };

describe('daily digest: the next run, on the local calendar', () => {
  it('runs today when the time is still ahead, else tomorrow', () => {
    expect(iso(nextDigestAt(paris, at('2026-12-07T07:59:00Z')))).toBe('2026-12-07T08:00:00.000Z');
    expect(iso(nextDigestAt(paris, at('2026-12-07T08:00:00Z')))).toBe('2026-12-08T08:00:00.000Z');
    const utc = readDigestTime('23:30', undefined);
    expect(utc.timeZone).toBe('UTC');
    expect(iso(nextDigestAt(utc, at('2026-12-31T23:45:00Z')))).toBe('2027-01-01T23:30:00.000Z');
  });

  it('stays at 09:00 local across both daylight-saving changes (29 March and 25 October 2026)', () => {
    // Saturday 28 March 09:00 CET is 08:00 UTC; Sunday 29 March 09:00 CEST is 07:00 UTC.
    expect(iso(nextDigestAt(paris, at('2026-03-28T08:00:00Z')))).toBe('2026-03-29T07:00:00.000Z');
    expect(iso(nextDigestAt(paris, at('2026-10-24T07:00:00Z')))).toBe('2026-10-25T08:00:00.000Z');
    // A time the spring change skips (02:30 does not exist on 29 March): still one run that day.
    const skipped = readDigestTime('02:30', 'Europe/Paris');
    const run = nextDigestAt(skipped, at('2026-03-28T23:00:00Z'));
    expect(run).toBeGreaterThan(at('2026-03-28T23:00:00Z'));
    expect(run).toBeLessThan(at('2026-03-29T02:00:00Z'));
  });

  it('keys each run by channel, setting and local date: once across replicas, a new setting runs anew', () => {
    const run = digestRun(CHANNEL, paris, at('2026-12-08T08:00:00Z'));
    expect(run.runAt).toBe(at('2026-12-08T08:00:00Z'));
    const again = digestRun(CHANNEL, paris, at('2026-12-08T08:00:00Z'));
    expect(again.dedupeKeys).toEqual(run.dedupeKeys);
    expect(digestRun(CHANNEL, paris, at('2026-12-09T08:00:00Z')).dedupeKeys).not.toEqual(run.dedupeKeys);
    expect(digestRun(CHANNEL, { ...paris, stamp: 2 }, at('2026-12-08T08:00:00Z')).dedupeKeys).not.toEqual(
      run.dedupeKeys,
    );
    // The local date, not the UTC one: 00:30 in Tokyo is the previous day in UTC.
    const tokyo = { ...readDigestTime('00:30', 'Asia/Tokyo'), stamp: 1 };
    expect(digestRun(CHANNEL, tokyo, at('2026-12-07T15:30:00Z')).dedupeKeys?.[0]).toContain('2026-12-08');
  });

  it('refuses a time that is not HH:MM and a zone Intl does not know', () => {
    expect(() => readDigestTime('9am', undefined)).toThrow(/time like 09:00/);
    expect(() => readDigestTime('24:00', undefined)).toThrow(/time like 09:00/);
    expect(() => readDigestTime(undefined, undefined)).toThrow(/time like 09:00/);
    expect(() => readDigestTime('09:00', 'Mars/Olympus')).toThrow(/unknown time zone/);
  });
});
