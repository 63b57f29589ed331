import { messageOf } from '../../errors.ts';
import type { JobQueue, QueueStats } from '../../queue/job-queue.ts';
import type { Store } from '../../storage/create-store.ts';
import { parseStoreUrl } from '../../storage/parse-store-url.ts';
import type { DoctorCheck } from '../doctor-check.ts';
import type { DoctorStore } from './open-doctor-store.ts';

const FIXES = {
  sqlite:
    "Check that the file's directory exists and that the bot's user may write there (STORE_URL=sqlite://<path>).",
  redis:
    'Start Redis, or correct STORE_URL (host, port, password, rediss:// for TLS); check the firewall between here and Redis.',
  postgres:
    'Start PostgreSQL, or correct STORE_URL (host, port, user, password, database); check the firewall between here and it.',
} as const;

/** STORE_URL answers (a ping), without writing anything. */
export function storeCheck(store: DoctorStore): DoctorCheck {
  return {
    id: 'bot.store',
    group: 'Bot',
    title: 'Store (STORE_URL)',
    async run({ config }) {
      const location = parseStoreUrl(config.STORE_URL);
      try {
        await store.open();
        return { state: 'ok', detail: `${location.safeUrl} answers` };
      } catch (error) {
        return {
          state: 'fail',
          detail: `${location.safeUrl}: ${messageOf(error)}`,
          fix: FIXES[location.kind],
        };
      }
    },
  };
}

/** Opens the bot's work queue on the store the way the bot does (the composition's openAppQueue). */
export type OpenQueue = (store: Store) => Promise<Pick<JobQueue, 'stats' | 'close'>>;

/** The work queue opens, and is closed again. */
export function queueCheck(store: DoctorStore, openQueue: OpenQueue): DoctorCheck {
  return {
    id: 'bot.queue',
    group: 'Bot',
    title: 'Work queue',
    async run({ config }) {
      let opened: Store;
      try {
        opened = await store.open();
      } catch {
        return { state: 'skip', detail: 'the store does not answer (see Store above)' };
      }
      let stats: QueueStats;
      try {
        const queue = await openQueue(opened);
        // Read once: proves the queue answers, and gives the counts shown.
        stats = await queue.stats().finally(() => queue.close());
      } catch (error) {
        return {
          state: 'fail',
          detail: `the queue did not open: ${messageOf(error)}`,
          fix: 'Check QUEUE_PATH (with Redis) or the store itself, and that no other program holds its file.',
        };
      }
      const dead = stats.dead === 0 ? '' : ' (list them: npm run queue -- dead)';
      return {
        state: 'ok',
        detail: `opens (${queueKind(opened.kind, config.QUEUE_PATH)}): ${stats.pending} pending, ${stats.dead} dead letters${dead}`,
      };
    },
  };
}

function queueKind(kind: string, queuePath: string | undefined): string {
  if (kind === 'postgres') return 'in PostgreSQL';
  if (kind === 'redis') return queuePath === undefined ? 'BullMQ on Redis' : `SQLite at ${queuePath}`;
  return "in the SQLite store's file";
}
