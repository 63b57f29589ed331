import type { Clock } from './clock.ts';
import type { StatusReport, StatusSource } from './commands/command.ts';
import { createKeyedMutex } from './create-keyed-mutex.ts';
import type { RollupView } from './delivery/create-storm-panel.ts';
import type { Logger } from './log.ts';
import type { JobQueue } from './queue/job-queue.ts';
import type { SekoiaApi } from './sekoia/sekoia-api.ts';

const LAST_WEBHOOK = 'last-webhook-at';
/** The last-WebHook time is written at most this often (a burst must not turn into a write per event). */
const WRITE_EVERY_MS = 10_000;

export interface StatusTracker extends StatusSource {
  /** A WebHook was accepted now. */
  webhookAccepted(): void;
  /** An event of a type with no card was kept (spec: never dropped silently, visible in `status`). */
  eventKept(type: string): Promise<void>;
}

const KEPT_TYPES = 'kept-types';
const MAX_KEPT_TYPES = 20;

interface KeptType {
  type: string;
  count: number;
  lastAt: number;
}

/** The key-value records `status` keeps, shared by the replicas (the app passes the 'status' namespace). */
export interface StatusRecords {
  get(key: string): Promise<unknown>;
  set(key: string, value: number | KeptType[]): Promise<unknown>;
}

/** What `status` shows: Sekoia.io reachability (checked live, bounded), last WebHook (kept in the store, so replicas agree), queue depth. */
export function createStatusSource(options: {
  sekoia: Pick<SekoiaApi, 'ping'>;
  queue: Pick<JobQueue, 'stats'>;
  records: StatusRecords;
  clock: Clock;
  log: Logger;
  pingTimeoutMs?: number;
  /** The scheduler's view of its jobs. */
  jobs?: () => Promise<{ name: string; lastRunAt: number | null; result: string }[]>;
  /** The channels in storm mode. */
  storms?: () => Promise<RollupView[]>;
  /** The last catch-up run. */
  catchUp?: () => Promise<StatusReport['catchUp']>;
}): StatusTracker {
  const { records, clock } = options;
  let lastWritten = 0;
  // Read-modify-write: events kept at the same time must not overwrite each other's count.
  const keptWrites = createKeyedMutex();
  return {
    webhookAccepted() {
      const now = clock.now();
      if (now - lastWritten < WRITE_EVERY_MS) return;
      lastWritten = now;
      records
        .set(LAST_WEBHOOK, now)
        .catch((error: unknown) =>
          options.log.warn({ err: error }, 'could not record the last WebHook time'),
        );
    },
    eventKept: (type) =>
      keptWrites.run(KEPT_TYPES, async () => {
        const kept = await readKept(records);
        const now = clock.now();
        const shown = type.slice(0, 60);
        const known = kept.find((entry) => entry.type === shown);
        const next = known
          ? kept.map((entry) => (entry === known ? { ...entry, count: entry.count + 1, lastAt: now } : entry))
          : [...kept, { type: shown, count: 1, lastAt: now }].slice(-MAX_KEPT_TYPES);
        await records.set(KEPT_TYPES, next);
      }),
    async read(): Promise<StatusReport> {
      const [reachable, last, stats, keptTypes, jobs, storms, catchUp] = await Promise.all([
        withTimeout(options.sekoia.ping(), options.pingTimeoutMs ?? 3_000).then(
          () => true,
          () => false,
        ),
        records.get(LAST_WEBHOOK).catch(() => undefined),
        options.queue.stats().catch(() => undefined),
        readKept(records),
        options.jobs?.().catch(() => []) ?? Promise.resolve([]),
        options.storms?.().catch((error: unknown) => {
          options.log.warn({ err: error }, 'could not read the storms');
          return [];
        }) ?? Promise.resolve([]),
        options.catchUp?.().catch((error: unknown) => {
          options.log.warn({ err: error }, 'could not read the last catch-up');
          return null;
        }),
      ]);
      return {
        sekoiaReachable: reachable,
        lastWebhookAt: typeof last === 'number' ? last : null,
        pendingDeliveries: stats?.pending ?? null,
        deadLetters: stats?.dead ?? null,
        keptTypes,
        jobs,
        storms,
        ...(catchUp === undefined ? {} : { catchUp }),
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

async function readKept(records: StatusRecords): Promise<KeptType[]> {
  const value = await records.get(KEPT_TYPES).catch(() => undefined);
  if (!Array.isArray(value)) return [];
  return value.filter(
    (entry): entry is KeptType =>
      typeof entry === 'object' &&
      entry !== null &&
      typeof entry.type === 'string' &&
      typeof entry.count === 'number' &&
      typeof entry.lastAt === 'number',
  );
}
