/** One alert the rule would have posted a card for. */
export interface PreviewHit {
  /** Epoch ms: when it was raised (or last updated, for an update rule). */
  at: number;
  entity: string | undefined;
  rule: string | undefined;
}

export interface DayCount {
  /** `YYYY-MM-DD`, UTC. */
  day: string;
  count: number;
}

export interface NameCount {
  name: string;
  count: number;
}

export interface PreviewTally {
  total: number;
  /** Every day of the window, oldest first, empty days included. */
  days: DayCount[];
  /** Average per day of the window, rounded. */
  perDay: number;
  busiest: DayCount | undefined;
  topEntities: NameCount[];
  topRules: NameCount[];
}

export const PREVIEW_DAYS = 7;
const DAY_MS = 86_400_000;
const TOP = 3;

/** The window of a preview: the last 7 UTC days, today included (up to now). */
export function previewWindow(now: number): { from: number; to: number } {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  return { from: today - (PREVIEW_DAYS - 1) * DAY_MS, to: now };
}

/** Per-day counts, busiest day and the top entities and rules of the alerts a rule matched. */
export function tallyPreview(
  hits: readonly PreviewHit[],
  window: { from: number; to: number },
): PreviewTally {
  const days: DayCount[] = [];
  for (let at = window.from; at <= window.to; at += DAY_MS) days.push({ day: dayOf(at), count: 0 });
  const byDay = new Map(days.map((entry) => [entry.day, entry]));
  for (const hit of hits) {
    const entry = byDay.get(dayOf(hit.at));
    if (entry !== undefined) entry.count += 1;
  }
  const busiest = days.reduce<DayCount | undefined>(
    (best, entry) => (entry.count > 0 && (best === undefined || entry.count > best.count) ? entry : best),
    undefined,
  );
  return {
    total: hits.length,
    days,
    perDay: Math.round(hits.length / days.length),
    busiest,
    topEntities: topNames(hits.map((hit) => hit.entity)),
    topRules: topNames(hits.map((hit) => hit.rule)),
  };
}

function dayOf(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** The most frequent names, most first, ties by name so the answer is stable. */
function topNames(names: readonly (string | undefined)[]): NameCount[] {
  const counts = new Map<string, number>();
  for (const name of names)
    if (name !== undefined && name !== '') counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, TOP);
}
