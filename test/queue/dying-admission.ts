import { admitWebhookBody } from '../../src/ingress/admit-webhook-body.ts';
import type { RawAdmission, RawJobContext } from '../../src/queue/raw-job.ts';

/**
 * An admission that ends the queue's thread (process.exit in a worker thread ends that thread only)
 * on a body of "die", and admits any other as the WebHook route does: a thread lost mid-batch.
 */
export function admitOrDie(bytes: Uint8Array, context: RawJobContext): RawAdmission {
  if (Buffer.from(bytes).toString() === 'die') process.exit(1);
  return admitWebhookBody(bytes, context);
}

export const DYING_ADMISSION = { url: import.meta.url, exportName: 'admitOrDie' } as const;
