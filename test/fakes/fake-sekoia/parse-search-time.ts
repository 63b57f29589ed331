const UNIT_MS: Readonly<Record<string, number>> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/**
 * `earliest_time` / `latest_time` of a search job: an ISO-8601 instant, `now`, or a relative form such
 * as `-30d` (reference §9). Undefined when unreadable (answered 400).
 */
export function parseSearchTime(text: string, nowMs: number): number | undefined {
  if (text === 'now') return nowMs;
  const relative = /^-(\d+)([smhdw])$/.exec(text);
  if (relative?.[1] !== undefined && relative[2] !== undefined) {
    return nowMs - Number(relative[1]) * (UNIT_MS[relative[2]] ?? 0);
  }
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : at;
}
