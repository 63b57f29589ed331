import { describe, expect, it } from 'vitest';
import {
  type CardShown,
  changedEntry,
  type HistoryEntry,
  postedEntry,
} from '../../src/delivery/card-history.ts';
import { buildDigestCard, formatAckTime } from '../../src/delivery/digest-card.ts';
import { median, summarizeDigest } from '../../src/delivery/summarize-digest.ts';
import { stormAlert } from './storm-alerts.ts';

const CHANNEL = { platform: 'mattermost', team: 't1', channel: 'soc' } as const;
const MIN = 60_000;
const T0 = Date.UTC(2026, 11, 7, 9, 0);

const shown = (n: number, at: number, more: Parameters<typeof stormAlert>[1] & { ruleId?: string } = {}) =>
  ({
    channel: CHANNEL,
    alert: stormAlert(n, more),
    ruleId: more.ruleId ?? 'r7k2',
    ruleName: more.ruleId === undefined ? 'PowerShell' : null,
    at,
  }) satisfies CardShown;

/** A card posted at `at`, acknowledged `ackAfter` later when given (then shown with `status`). */
function entry(
  n: number,
  at: number,
  more: Parameters<typeof shown>[2] & { ackAfter?: number; finalStatus?: string } = {},
): HistoryEntry {
  const posted = postedEntry(shown(n, at, more));
  if (more.ackAfter === undefined) return posted;
  const status = more.finalStatus ?? 'Acknowledged';
  return changedEntry(posted, shown(n, at + more.ackAfter, { ...more, status }));
}

describe('daily digest: the figures of a day of cards', () => {
  it('counts by urgency and status (workflow order), lists the high ones still open, most urgent first', () => {
    const summary = summarizeDigest([
      entry(1, T0, { urgency: 90 }),
      entry(2, T0 + MIN, { urgency: 95, ackAfter: 10 * MIN }),
      entry(3, T0 + 2 * MIN, { urgency: 85, ackAfter: 5 * MIN, finalStatus: 'Closed' }),
      entry(4, T0 + 3 * MIN, { urgency: 80, ackAfter: 5 * MIN, finalStatus: 'Rejected' }),
      entry(5, T0 + 4 * MIN, { urgency: 60 }),
      entry(6, T0 + 5 * MIN, { urgency: 20 }),
    ]);
    expect(summary.total).toBe(6);
    expect(summary.byLevel).toEqual({ high: 4, medium: 1, low: 1, unknown: 0 });
    expect(summary.byStatus).toEqual([
      { status: 'Pending', count: 3 },
      { status: 'Acknowledged', count: 1 },
      { status: 'Closed', count: 1 },
      { status: 'Rejected', count: 1 },
    ]);
    expect(summary.openHigh.map((line) => line.shortId)).toEqual(['AL2', 'AL1']);
    expect(summary.openHighTotal).toBe(2);
    expect(summary.medianAckMs).toBe(5 * MIN);
    expect(summary.acknowledged).toBe(3);
  });

  it('lists at most 10 open high alerts but counts them all', () => {
    const entries = Array.from({ length: 14 }, (_, n) => entry(n, T0 + n * MIN, { urgency: 80 + n }));
    const summary = summarizeDigest(entries);
    expect(summary.openHigh).toHaveLength(10);
    expect(summary.openHighTotal).toBe(14);
    expect(summary.openHigh[0]?.shortId).toBe('AL13');
    const card = buildDigestCard({ digestId: 'digest-2026-12-08', summary, from: T0, to: T0 + 86_400_000 });
    expect(card.mostUrgentTitle).toBe('Still open, high urgency (10 of 14)');
  });

  it('takes the median over acknowledged cards only: odd, even, none', () => {
    expect(median([])).toBeNull();
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, 20, 30])).toBe(25);
    const none = summarizeDigest([entry(1, T0), entry(2, T0)]);
    expect(none.medianAckMs).toBeNull();
    expect(none.acknowledged).toBe(0);
    const card = buildDigestCard({ digestId: 'd', summary: none, from: T0, to: T0 + 1 });
    expect(card.facts).toContainEqual({ title: 'Time to acknowledge', value: 'none acknowledged yet' });
  });

  it('keeps the first move off Pending: a later change does not move it, a card posted past Pending has none', () => {
    const acknowledged = entry(1, T0, { ackAfter: 10 * MIN });
    const closed = changedEntry(acknowledged, shown(1, T0 + 60 * MIN, { status: 'Closed' }));
    expect(closed.acknowledgedAt).toBe(T0 + 10 * MIN);
    expect(closed.line.status).toBe('Closed');
    const late = postedEntry(shown(2, T0, { status: 'Acknowledged' }));
    expect(changedEntry(late, shown(2, T0 + MIN, { status: 'Closed' })).acknowledgedAt).toBeNull();
  });

  it('names the noisiest rule, and says when others tie with it', () => {
    const clear = summarizeDigest([entry(1, T0), entry(2, T0), entry(3, T0, { ruleId: 'b9x1' })]);
    expect(clear.noisiest).toEqual({ ruleId: 'r7k2', ruleName: 'PowerShell', count: 2, tiedWith: 0 });
    const tied = summarizeDigest([
      entry(1, T0, { ruleId: 'zz99' }),
      entry(2, T0, { ruleId: 'b9x1' }),
      entry(3, T0, { ruleId: 'c4d4' }),
      entry(4, T0, { ruleId: 'zz99' }),
      entry(5, T0, { ruleId: 'b9x1' }),
    ]);
    expect(tied.noisiest).toEqual({ ruleId: 'b9x1', ruleName: null, count: 2, tiedWith: 1 });
    const card = buildDigestCard({ digestId: 'd', summary: tied, from: T0, to: T0 + 1 });
    expect(card.facts).toContainEqual({
      title: 'Noisiest rule',
      value: 'b9x1 (2 cards, tied with 1 other rule)',
    });
  });

  it('writes the card: title, counts, noisiest rule, median; a quiet day says so', () => {
    const summary = summarizeDigest([
      entry(1, T0, { urgency: 90, ackAfter: 14 * MIN }),
      entry(2, T0, { urgency: 50 }),
    ]);
    const card = buildDigestCard({ digestId: 'digest-2026-12-08', summary, from: T0, to: T0 + 86_400_000 });
    expect(card).toMatchObject({ kind: 'digest', stormId: 'digest-2026-12-08', closed: true });
    expect(card.title).toBe('Daily digest — last 24 h: 2 alerts posted');
    expect(card.facts).toEqual([
      { title: 'By urgency', value: 'high 1 · medium 1 · low 0' },
      { title: 'By status', value: 'Pending 1 · Acknowledged 1' },
      { title: 'Still open, high urgency', value: '1' },
      { title: 'Noisiest rule', value: 'r7k2 "PowerShell" (2 cards)' },
      { title: 'Time to acknowledge', value: 'median 14 min (over 1 acknowledged)' },
    ]);
    expect(card.note).toContain('from 2026-12-07 09:00 UTC to 2026-12-08 09:00 UTC');
    const quiet = buildDigestCard({ digestId: 'd', summary: summarizeDigest([]), from: T0, to: T0 + 1 });
    expect(quiet.title).toBe('Daily digest — last 24 h: quiet day, no alerts posted');
    expect(quiet.facts).toEqual([]);
    expect(quiet.mostUrgent).toEqual([]);
  });

  it('writes times to acknowledge in minutes, and hours past one', () => {
    expect(formatAckTime(20_000)).toBe('under 1 min');
    expect(formatAckTime(14 * MIN)).toBe('14 min');
    expect(formatAckTime(125 * MIN)).toBe('2 h 05 min');
  });
});
