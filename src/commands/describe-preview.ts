import { isBotError } from '../errors.ts';
import type { PreviewReport } from '../preview/create-previewer.ts';
import { NOISY_PER_DAY } from '../preview/suggest-tightening.ts';
import { PREVIEW_DAYS } from '../preview/tally-preview.ts';
import type { Trigger } from '../rules/triggers.ts';
import type { ChartBar } from './command-context.ts';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** A preview in words: the headline, the per-day chart, and the lines under it. */
export interface PreviewText {
  headline: string;
  chart: ChartBar[];
  lines: string[];
}

/** "84 cards in the last 7 days (about 12/day)", the chart, the busiest day, top 3s and a suggestion. */
export function describePreview(report: PreviewReport, trigger: Trigger): PreviewText {
  const { tally, cut, suggestion } = report;
  const atLeast = cut === undefined ? '' : 'at least ';
  const cards = `${atLeast}${tally.total} card${tally.total === 1 ? '' : 's'}`;
  const headline = `${cards} in the last ${PREVIEW_DAYS} days (about ${tally.perDay}/day)`;
  const lines: string[] = [];
  if (tally.busiest !== undefined) {
    lines.push(`Busiest day: ${dayLabel(tally.busiest.day)} (${tally.busiest.count})`);
  }
  const top = (list: typeof tally.topEntities) =>
    list.map(({ name, count }) => `${name} (${count})`).join(', ');
  if (tally.topEntities.length > 0) lines.push(`Top entities: ${top(tally.topEntities)}`);
  if (tally.topRules.length > 0) lines.push(`Top rules: ${top(tally.topRules)}`);
  if (suggestion !== undefined) {
    lines.push(
      `Above ${NOISY_PER_DAY}/day: add ${suggestion.condition} to cut it to ${suggestion.perDay}/day`,
    );
  }
  if (cut !== undefined) lines.push(cutReason(report));
  if (trigger === 'alert-updated') {
    lines.push('Counts alerts updated in the window (one card each), not every update');
  }
  if (report.unreadable > 0)
    lines.push(`${report.unreadable} listed item(s) could not be read and are not counted`);
  const chart = tally.days.map(({ day, count }) => ({ label: dayLabel(day), value: count }));
  return { headline, chart, lines };
}

/** Why there is no estimate: the user's mistake as is, Sekoia.io's failure by its code. */
export function describePreviewFailure(error: unknown): string {
  if (isBotError(error, 'command_usage')) return error.message;
  if (isBotError(error)) return `Sekoia.io could not be read (${error.code}); try again in a moment`;
  return 'the preview failed on our side; try again in a moment';
}

function cutReason(report: PreviewReport): string {
  const { maxPages, budgetMs } = report.bounds;
  return report.cut === 'pages'
    ? `Stopped after ${maxPages} pages (${report.read} alerts read): the figures are lower bounds`
    : `Stopped after ${Math.round(budgetMs / 1000)} s (${report.read} alerts read): the figures are lower bounds`;
}

/** `Mon 2026-12-07` (UTC). */
function dayLabel(day: string): string {
  const weekday = WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()] ?? '';
  return `${weekday} ${day}`;
}
