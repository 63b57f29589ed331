import type { JobQueue } from '../queue/job-queue.ts';
import { admitAndEnqueue, type RawEnqueueResult, type RawJobContext } from '../queue/raw-job.ts';
import { admitWebhookBody } from './admit-webhook-body.ts';

/**
 * Hands a WebHook body to the queue: to its own thread when it has one (`enqueueRaw`, the embedded
 * SQLite queue: the bytes go there, with the turn's others in one transferred buffer, and are
 * parsed there), else admitted here by the same function and enqueued (PostgreSQL, BullMQ, the
 * in-memory queue of tests).
 */
export function enqueueWebhookBody(
  queue: JobQueue,
  bytes: Uint8Array,
  context: RawJobContext,
): Promise<RawEnqueueResult> {
  if (queue.enqueueRaw) return queue.enqueueRaw(bytes, context);
  return admitAndEnqueue(admitWebhookBody, (job) => queue.enqueue(job), bytes, context);
}
