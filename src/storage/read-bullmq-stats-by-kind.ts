import type { KindStats } from '../queue/job-queue.ts';

/** Jobs read per state by statsByKind (the figures describe at most this many of each), and per round trip. */
const STATS_SCAN_LIMIT = 20_000;
const STATS_CHUNK = 1_000;

/** The few reads statsByKind makes on the raw client. */
interface StatsReader {
  lRange(key: string, start: number, stop: number): Promise<string[]>;
  zRange(key: string, start: number, stop: number): Promise<string[]>;
  hmGet(key: string, fields: string[]): Promise<(string | null)[]>;
}

/**
 * Per kind, from the job hashes (at most STATS_SCAN_LIMIT jobs per state, read in pipelined chunks):
 * BullMQ counts by state only, and one queue holds every kind.
 */
export async function readBullmqStatsByKind(
  raw: StatsReader,
  queue: { keys: Record<string, string>; toKey(id: string): string },
): Promise<KindStats[]> {
  const { keys } = queue;
  const last = STATS_SCAN_LIMIT - 1;
  const [waiting, prioritized, delayed, active, failed] = await Promise.all([
    raw.lRange(keys.wait as string, 0, last),
    raw.zRange(keys.prioritized as string, 0, last),
    raw.zRange(keys.delayed as string, 0, last),
    raw.lRange(keys.active as string, 0, last),
    raw.zRange(keys.failed as string, 0, last),
  ]);
  const now = Date.now();
  const byKind = new Map<string, KindStats & { owedSince: number | undefined }>();
  const entry = (kind: string) => {
    let stats = byKind.get(kind);
    if (!stats) {
      stats = { kind, waiting: 0, running: 0, dead: 0, oldestAgeMs: 0, owedSince: undefined };
      byKind.set(kind, stats);
    }
    return stats;
  };
  const visit = async (ids: string[], state: 'waiting' | 'running' | 'dead') => {
    for (let start = 0; start < ids.length; start += STATS_CHUNK) {
      const chunk = ids.slice(start, start + STATS_CHUNK);
      const rows = await Promise.all(
        chunk.map((id) => raw.hmGet(queue.toKey(id), ['name', 'timestamp', 'delay', 'ats'])),
      );
      for (const [name, timestamp, delay, ats] of rows) {
        if (!name) continue;
        const stats = entry(name);
        stats[state] += 1;
        if (state === 'dead') continue;
        // Owed since created once tried (a job in backoff is late work), else since it came due.
        const created = Number(timestamp ?? now);
        const owed = Number(ats ?? 0) > 0 ? created : created + Number(delay ?? 0);
        if (owed <= now && (stats.owedSince === undefined || owed < stats.owedSince)) stats.owedSince = owed;
      }
    }
  };
  await visit([...waiting, ...prioritized, ...delayed], 'waiting');
  await visit(active, 'running');
  await visit(failed, 'dead');
  return [...byKind.values()]
    .sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0))
    .map(({ owedSince, ...stats }) => ({
      ...stats,
      oldestAgeMs: owedSince === undefined ? 0 : Math.max(0, now - owedSince),
    }));
}
