import { z } from 'zod';
import { encodeJob } from '../queue/encode-job.ts';
import type { NewJob } from '../queue/job-queue.ts';
import { jobType } from '../queue/job-type.ts';
import type { ChannelRef } from '../rules/rule.ts';
import { channelRefSchema } from './storm-policy.ts';
import { stormChannelKey } from './storm-store.ts';
import { DAY_MINUTES, localDate, nextLocalTime } from './working-hours.ts';

/** What `digest daily 09:00 Europe/Paris` stores for a channel. */
export const digestSettingSchema = z.strictObject({
  /** Local minutes since midnight. */
  minutes: z
    .number()
    .int()
    .min(0)
    .max(DAY_MINUTES - 1),
  /** IANA name, checked with Intl when set. */
  timeZone: z.string().min(1).max(64),
  /**
   * When it was set (epoch ms): the runs it queued carry it, and a run whose stamp is not the
   * channel's current one (changed, or turned off) does nothing.
   */
  stamp: z.number(),
});

export type DigestSetting = z.infer<typeof digestSettingSchema>;

/** The next run of the digest after `now`: HH:MM on the local calendar, DST-safe. */
export function nextDigestAt(setting: Pick<DigestSetting, 'minutes' | 'timeZone'>, now: number): number {
  return nextLocalTime(setting, now);
}

/** `09:00 Europe/Paris`. */
export function describeDigestTime(setting: Pick<DigestSetting, 'minutes' | 'timeZone'>): string {
  const hh = String(Math.floor(setting.minutes / 60)).padStart(2, '0');
  const mm = String(setting.minutes % 60).padStart(2, '0');
  return `${hh}:${mm} ${setting.timeZone}`;
}

/** Job kind that posts a channel's daily digest, then queues the next day's. */
export const DIGEST_JOB = 'daily-digest';

const digestRunSchema = z.strictObject({
  channel: channelRefSchema,
  stamp: z.number(),
  /** The scheduled time: the digest covers the 24 hours before it, however late the job runs. */
  at: z.number(),
});

export type DigestRun = z.infer<typeof digestRunSchema>;

export const digestRunJob = jobType(DIGEST_JOB, digestRunSchema);

/**
 * The digest run at `at`. Its key (channel, setting, local date) makes it once across replicas and
 * restarts: every replica that queues the same day's run queues one job.
 */
export function digestRun(channel: ChannelRef, setting: DigestSetting, at: number): NewJob {
  const key = `digest:${stormChannelKey(channel)}:${setting.stamp}:${localDate(at, setting.timeZone)}`;
  return encodeJob(digestRunJob, { channel, stamp: setting.stamp, at }, { dedupeKeys: [key], runAt: at });
}
