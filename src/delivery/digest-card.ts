import { formatTime } from '../format-time.ts';
import type { RollupCard } from './rollup-card.ts';
import type { DigestSummary } from './summarize-digest.ts';

/**
 * A channel's daily digest as a roll-up card (the same renderers): the day's cards counted by
 * urgency and status, the noisiest rule, the median time to acknowledge, and the high-urgency alerts
 * still open as linked lines. A day without cards still gets a short one: silence would not tell a
 * quiet day from a digest that did not run.
 */
export function buildDigestCard(input: {
  digestId: string;
  summary: DigestSummary;
  from: number;
  to: number;
}): RollupCard {
  const { summary } = input;
  const note = `Alert cards posted in this channel from ${formatTime(input.from)} to ${formatTime(input.to)}; statuses are as of now.`;
  const base = { stormId: input.digestId, kind: 'digest' as const, closed: true, newest: [] };
  if (summary.total === 0)
    return {
      ...base,
      title: 'Daily digest — last 24 h: quiet day, no alerts posted',
      note,
      facts: [],
      mostUrgent: [],
    };
  const { byLevel, openHigh, openHighTotal } = summary;
  const levels = [
    `high ${byLevel.high}`,
    `medium ${byLevel.medium}`,
    `low ${byLevel.low}`,
    ...(byLevel.unknown > 0 ? [`unknown ${byLevel.unknown}`] : []),
  ].join(' · ');
  const shown = openHighTotal > openHigh.length ? ` (${openHigh.length} of ${openHighTotal})` : '';
  return {
    ...base,
    title: `Daily digest — last 24 h: ${plural(summary.total, 'alert')} posted`,
    note,
    facts: [
      { title: 'By urgency', value: levels },
      {
        title: 'By status',
        value: summary.byStatus.map(({ status, count }) => `${status} ${count}`).join(' · '),
      },
      { title: 'Still open, high urgency', value: String(openHighTotal) },
      { title: 'Noisiest rule', value: noisiestText(summary.noisiest) },
      { title: 'Time to acknowledge', value: ackText(summary) },
    ],
    mostUrgent: openHigh,
    mostUrgentTitle: `Still open, high urgency${shown}`,
  };
}

function noisiestText(noisiest: DigestSummary['noisiest']): string {
  if (noisiest === null) return 'none';
  const name = noisiest.ruleName ? ` "${noisiest.ruleName}"` : '';
  const tie = noisiest.tiedWith > 0 ? `, tied with ${plural(noisiest.tiedWith, 'other rule')}` : '';
  return `${noisiest.ruleId || 'no rule'}${name} (${plural(noisiest.count, 'card')}${tie})`;
}

function ackText(summary: DigestSummary): string {
  if (summary.medianAckMs === null) return 'none acknowledged yet';
  return `median ${formatAckTime(summary.medianAckMs)} (over ${summary.acknowledged} acknowledged)`;
}

/** `under 1 min`, `14 min`, `2 h 05 min`. */
export function formatAckTime(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'under 1 min';
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
