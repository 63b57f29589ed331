import { z } from 'zod';
import type { SekoiaAlert } from '../sekoia/alert-schema.ts';

/**
 * Each listing starts this long before the watermark: an alert indexed a little late, with an
 * `updated_at` just behind the newest one seen, is still listed.
 */
export const CATCH_UP_OVERLAP_S = 60;
/** Alerts remembered in the overlap: past this many in one minute, the oldest may be listed again. */
const MAX_RECENT = 1_000;

const versionSchema = z.strictObject({ uuid: z.string().min(1).max(100), at: z.number().int().min(0) });

export const watermarkSchema = z.strictObject({
  /** The newest `updated_at` the catch-up has listed (Unix seconds, as Sekoia.io gives it). */
  at: z.number().int().min(0),
  /** The alert versions listed in the overlap before `at`: listed again, they are skipped. */
  recent: z.array(versionSchema).max(MAX_RECENT),
});

/**
 * How far the catch-up got, oldest first by `updated_at`: a run cut short (pages, time, a failure)
 * resumes where it stopped. Seconds, because `updated_at` is (reference §5).
 */
export type Watermark = z.infer<typeof watermarkSchema>;

/** Where the next listing starts (epoch ms). */
export function listingStart(mark: Watermark): number {
  return Math.max(0, mark.at - CATCH_UP_OVERLAP_S) * 1_000;
}

/** Whether an earlier run listed the alert at this version already (it was decided on then). */
export function isBehindWatermark(mark: Watermark, alert: SekoiaAlert): boolean {
  const at = alert.updated_at ?? 0;
  return mark.recent.some((known) => known.uuid === alert.uuid && known.at === at);
}

/** The watermark once `alert` (listed oldest first) is processed. */
export function advanceWatermark(mark: Watermark, alert: SekoiaAlert): Watermark {
  const version = { uuid: alert.uuid, at: alert.updated_at ?? 0 };
  const at = Math.max(mark.at, version.at);
  const kept = mark.recent.filter(
    (known) =>
      known.at >= at - CATCH_UP_OVERLAP_S && !(known.uuid === version.uuid && known.at === version.at),
  );
  return { at, recent: [...kept, version].slice(-MAX_RECENT) };
}

/** The first run's mark: nothing before now is caught up (the bot cannot tell what it got before). */
export function watermarkAt(nowMs: number): Watermark {
  return { at: Math.floor(nowMs / 1_000), recent: [] };
}
