import type { Keyv } from 'keyv';
import type { Clock } from './clock.ts';
import type { StatusReport, StatusSource } from './commands/command.ts';
import type { Logger } from './log.ts';
import type { JobQueue } from './queue/job-queue.ts';
import type { SekoiaApi } from './sekoia/sekoia-api.ts';

const LAST_WEBHOOK = 'last-webhook-at';
/** The last-WebHook time is written at most this often (a burst must not turn into a write per event). */
const WRITE_EVERY_MS = 10_000;

export interface StatusTracker extends StatusSource {
  /** A WebHook was accepted now. */
  webhookAccepted(): void;
}

/** What `status` shows: Sekoia.io reachability (checked live, bounded), last WebHook (kept in the store, so replicas agree), queue depth. */
export function createStatusSource(options: {
  sekoia: Pick<SekoiaApi, 'ping'>;
  queue: Pick<JobQueue, 'stats'>;
  keyv: Keyv;
  clock: Clock;
  log: Logger;
  pingTimeoutMs?: number;
}): StatusTracker {
  const { keyv, clock } = options;
  let lastWritten = 0;
  return {
    webhookAccepted() {
      const now = clock.now();
      if (now - lastWritten < WRITE_EVERY_MS) return;
      lastWritten = now;
      keyv
        .set(LAST_WEBHOOK, now)
        .catch((error: unknown) =>
          options.log.warn({ err: error }, 'could not record the last WebHook time'),
        );
    },
    async read(): Promise<StatusReport> {
      const [reachable, last, stats] = await Promise.all([
        withTimeout(options.sekoia.ping(), options.pingTimeoutMs ?? 3_000).then(
          () => true,
          () => false,
        ),
        keyv.get<unknown>(LAST_WEBHOOK).catch(() => undefined),
        options.queue.stats().catch(() => undefined),
      ]);
      return {
        sekoiaReachable: reachable,
        lastWebhookAt: typeof last === 'number' ? last : null,
        pendingDeliveries: stats?.pending ?? null,
      };
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    timer.unref();
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}
