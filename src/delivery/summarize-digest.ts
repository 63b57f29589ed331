import { type HistoryEntry, PENDING_STATUS } from './card-history.ts';
import { ROLLUP_LEVELS, type RollupLevel, type RollupLine } from './rollup-state.ts';

/** Still-open high-urgency alerts a digest lists. */
export const DIGEST_OPEN_LINES = 10;
/** Statuses after which an alert needs nothing more. */
const FINAL_STATUSES = new Set(['Closed', 'Rejected']);

/** A channel's day of alert cards, counted. */
export interface DigestSummary {
  total: number;
  byLevel: Record<RollupLevel, number>;
  /** Status name → cards, in the workflow's order (Pending first), other names after. */
  byStatus: { status: string; count: number }[];
  /** High-urgency alerts not closed nor rejected, most urgent first; at most DIGEST_OPEN_LINES. */
  openHigh: RollupLine[];
  /** All of them, however many are listed. */
  openHighTotal: number;
  /** The rule with the most cards (ties: the first rule id), and how many rules tie with it. */
  noisiest: { ruleId: string; ruleName: string | null; count: number; tiedWith: number } | null;
  /** Median from posting to first leaving Pending, over the cards acknowledged; null when none was. */
  medianAckMs: number | null;
  acknowledged: number;
}

export function summarizeDigest(entries: readonly HistoryEntry[]): DigestSummary {
  const byLevel = Object.fromEntries(ROLLUP_LEVELS.map((level) => [level, 0])) as Record<RollupLevel, number>;
  const statuses = new Map<string, number>();
  const rules = new Map<string, { ruleName: string | null; count: number }>();
  const ackTimes: number[] = [];
  for (const entry of entries) {
    byLevel[entry.line.level] += 1;
    const status = entry.line.status ?? 'Unknown';
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    const rule = rules.get(entry.ruleId) ?? { ruleName: entry.ruleName, count: 0 };
    rules.set(entry.ruleId, { ruleName: entry.ruleName ?? rule.ruleName, count: rule.count + 1 });
    if (entry.acknowledgedAt !== null) ackTimes.push(entry.acknowledgedAt - entry.postedAt);
  }
  const openHigh = entries
    .filter((entry) => entry.line.level === 'high' && !FINAL_STATUSES.has(entry.line.status ?? ''))
    .map((entry) => entry.line)
    .sort((a, b) => (b.urgency ?? 0) - (a.urgency ?? 0));
  return {
    total: entries.length,
    byLevel,
    byStatus: [...statuses]
      .map(([status, count]) => ({ status, count }))
      .sort((a, b) => statusOrder(a.status) - statusOrder(b.status) || a.status.localeCompare(b.status)),
    openHigh: openHigh.slice(0, DIGEST_OPEN_LINES),
    openHighTotal: openHigh.length,
    noisiest: noisiestRule(rules),
    medianAckMs: median(ackTimes),
    acknowledged: ackTimes.length,
  };
}

function noisiestRule(rules: Map<string, { ruleName: string | null; count: number }>) {
  const ranked = [...rules]
    .map(([ruleId, rule]) => ({ ruleId, ...rule }))
    .sort((a, b) => b.count - a.count || a.ruleId.localeCompare(b.ruleId));
  const [top] = ranked;
  if (top === undefined) return null;
  const tiedWith = ranked.filter((rule) => rule.count === top.count).length - 1;
  return { ...top, tiedWith };
}

/** Pending first, then the workflow's order, then any other name alphabetically. */
const ORDER = [PENDING_STATUS, 'Acknowledged', 'Ongoing', 'Closed', 'Rejected'];
const statusOrder = (status: string) => {
  const at = ORDER.indexOf(status);
  return at < 0 ? ORDER.length : at;
};

/** The median of the values (the mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}
