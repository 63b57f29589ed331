import type { z } from 'zod';

/**
 * A kind of job as its producers and the worker both see it: the name it is queued under and the
 * schema of its payload (JSON text in the queue). Declared once, beside the code that owns the
 * payload; producers write it with `encodeJob`, the worker reads it with `readJobPayload`.
 */
export interface JobType<P> {
  readonly kind: string;
  readonly payload: z.ZodType<P>;
}

export function jobType<P>(kind: string, payload: z.ZodType<P>): JobType<P> {
  return { kind, payload };
}
