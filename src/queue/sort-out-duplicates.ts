/** A due job as the claim sees it. */
export interface DueJob {
  id: string;
  kind: string;
  dedupeKeys: readonly string[];
}

export interface SortedOut {
  /** Due jobs that carry no key seen before, in claim order. */
  fresh: DueJob[];
  /** Due jobs dropped, with the job that first carried one of their keys. */
  duplicates: { job: DueJob; duplicateOf: string }[];
  /** Keys the fresh jobs now carry (their own keys included, so a retry refreshes them). */
  carried: { key: string; jobId: string }[];
}

/**
 * Walks due jobs in claim order against the keys already remembered: a job carrying a key that
 * another job carried is a duplicate and leaves no key behind (a later job carrying its other keys
 * is not its duplicate); otherwise its keys become its own, for the jobs after it too. The same
 * rule as the embedded queue, decided in memory so a claim costs two statements, not three a job.
 */
export function sortOutDuplicates(
  due: readonly DueJob[],
  remembered: ReadonlyMap<string, string>,
): SortedOut {
  const carriers = new Map(remembered);
  const sorted: SortedOut = { fresh: [], duplicates: [], carried: [] };
  for (const job of due) {
    const original = job.dedupeKeys
      .map((key) => carriers.get(key))
      .find((id) => id !== undefined && id !== job.id);
    if (original !== undefined) {
      sorted.duplicates.push({ job, duplicateOf: original });
      continue;
    }
    sorted.fresh.push(job);
    for (const key of new Set(job.dedupeKeys)) {
      carriers.set(key, job.id);
      sorted.carried.push({ key, jobId: job.id });
    }
  }
  return sorted;
}
