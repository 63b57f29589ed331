import type { EventRef } from '../normalize/notification.ts';
import type { JobType } from '../queue/job-type.ts';
import type { TriggerNotification } from './trigger-notification.ts';

/** What a watched event's notification is made with, besides the job's payload. */
export interface WatchContext {
  /** The event the job stands for: the job's id and time, with the given type and action. */
  event(type: string, action: string): EventRef;
  appUrl: string;
}

/**
 * How a watcher (src/watchers/) feeds a trigger: the queue job it enqueues, and that job's payload
 * → the trigger's notification. The worker gets one job row per trigger with a `watch`.
 * `toNotification` is a method so that a watch of any payload fits the table; `defineWatch` ties
 * it to its job's schema, and the worker calls it only with a payload that passed that schema.
 */
export interface TriggerWatch<Facts extends { trigger: string } = { trigger: string }, P = unknown> {
  readonly job: JobType<P>;
  toNotification(payload: P, context: WatchContext): TriggerNotification<Facts>;
}

/** A watch, its payload typed by its job's schema. */
export function defineWatch<P, Facts extends { trigger: string }>(
  job: JobType<P>,
  toNotification: (payload: P, context: WatchContext) => TriggerNotification<Facts>,
): TriggerWatch<Facts, P> {
  return { job, toNotification };
}
