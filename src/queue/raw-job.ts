import type { BotErrorCode } from '../errors.ts';
import type { NewJob } from './job-queue.ts';

/** What is known of a raw job besides its bytes: when and through which request it came. */
export interface RawJobContext {
  receivedAt: number;
  requestId: string;
}

/** Why raw bytes were not taken as a job: a coded error, as plain data (it crosses threads). */
export interface RawRefusal {
  code: BotErrorCode;
  message: string;
  details: Record<string, unknown>;
}

/**
 * A few bounded fields of the admitted job for the caller's metrics and logs, so that the caller
 * does not parse the bytes again.
 */
export type RawJobSummary = Readonly<Record<string, string | undefined>>;

export type RawAdmission =
  | { ok: true; job: NewJob; summary: RawJobSummary }
  | { ok: false; refusal: RawRefusal };

/**
 * Turns raw bytes into a job (parse, validate, derive the payload and dedupe keys) or refuses them;
 * never throws. Pure, so that it runs on whichever thread stores the job.
 */
export type AdmitRaw = (bytes: Uint8Array, context: RawJobContext) => RawAdmission;

/**
 * Where a queue's own thread finds the admission function: a module URL and the name of its export
 * (a function cannot be sent to a thread, and the queue must not import what it admits).
 */
export interface RawAdmissionModule {
  url: string;
  exportName: string;
}

export type RawEnqueueResult =
  | { ok: true; jobId: string; summary: RawJobSummary }
  | { ok: false; refusal: RawRefusal };

/** Admits the bytes and enqueues the job: one sequence for every engine, on whichever thread. */
export async function admitAndEnqueue(
  admit: AdmitRaw,
  enqueue: (job: NewJob) => Promise<{ jobId: string }>,
  bytes: Uint8Array,
  context: RawJobContext,
): Promise<RawEnqueueResult> {
  const admission = admit(bytes, context);
  if (!admission.ok) return admission;
  const { jobId } = await enqueue(admission.job);
  return { ok: true, jobId, summary: admission.summary };
}
