import { z } from 'zod';

/** Names tracked one by one; the rest are counted together, so a tally stays a few hundred bytes. */
export const TALLY_NAMES = 20;
/** Names are cut to this many characters before they are kept. */
export const TALLY_NAME_CHARS = 80;

export const tallySchema = z.strictObject({
  top: z
    .array(z.strictObject({ name: z.string().max(TALLY_NAME_CHARS), count: z.number().int().min(0) }))
    .max(TALLY_NAMES),
  /** Alerts whose name came once every tracked slot was taken. */
  others: z.number().int().min(0),
});

/** Counts by name (rule, entity) with bounded memory: the first TALLY_NAMES names, then "others". */
export type Tally = z.infer<typeof tallySchema>;

export const emptyTally = (): Tally => ({ top: [], others: 0 });

/** One more alert under `name`, kept sorted by count (most first). */
export function countIn(tally: Tally, name: string): Tally {
  const key = name.slice(0, TALLY_NAME_CHARS);
  const known = tally.top.some((entry) => entry.name === key);
  if (!known && tally.top.length >= TALLY_NAMES) return { ...tally, others: tally.others + 1 };
  const top = known
    ? tally.top.map((entry) => (entry.name === key ? { ...entry, count: entry.count + 1 } : entry))
    : [...tally.top, { name: key, count: 1 }];
  // Stable: ties keep the order names came in.
  return { ...tally, top: top.toSorted((a, b) => b.count - a.count) };
}
