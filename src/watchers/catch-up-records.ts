import { z } from 'zod';
import { type Watermark, watermarkSchema } from './catch-up-watermark.ts';

const WATERMARK = 'watermark';
const LAST_RUN = 'last-run';
const summariesKey = (batchId: string) => `summaries:${batchId}`;

/** The key-value records the catch-up keeps (the app passes the 'catch-up' namespace). */
export interface CatchUpRecords {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<unknown>;
}

const lastRunSchema = z.strictObject({
  at: z.number(),
  /** The first run only records where the catch-up starts. */
  first: z.boolean(),
  listed: z.number().int().min(0),
  /** Listed alerts the bot had not seen at their version, queued through the normal path. */
  missed: z.number().int().min(0),
  /** Of those, alerts the bot had never seen. */
  newToBot: z.number().int().min(0),
  /** The run stopped at its page bound: the next one goes on from there. */
  more: z.boolean(),
  /** The batch holding the new cards when there were more than a channel may get. */
  batchId: z.string().nullable(),
});

/** What the last catch-up run did, for `status`. */
export type CatchUpRun = z.infer<typeof lastRunSchema>;

/** The last run, and how many summary cards its batch posted. */
export interface CatchUpReport extends CatchUpRun {
  summaries: number;
}

export async function readWatermark(records: CatchUpRecords): Promise<Watermark | undefined> {
  const parsed = watermarkSchema.safeParse(await records.get(WATERMARK));
  return parsed.success ? parsed.data : undefined;
}

export const writeWatermark = (records: CatchUpRecords, mark: Watermark) => records.set(WATERMARK, mark);

export const writeLastRun = (records: CatchUpRecords, run: CatchUpRun) => records.set(LAST_RUN, run);

export const writeSummaries = (records: CatchUpRecords, batchId: string, count: number) =>
  records.set(summariesKey(batchId), count);

export async function readCatchUpReport(records: CatchUpRecords): Promise<CatchUpReport | undefined> {
  const parsed = lastRunSchema.safeParse(await records.get(LAST_RUN));
  if (!parsed.success) return undefined;
  const run = parsed.data;
  const summaries = run.batchId === null ? 0 : await records.get(summariesKey(run.batchId));
  return { ...run, summaries: typeof summaries === 'number' ? summaries : 0 };
}
