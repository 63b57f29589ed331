import { type Clock, systemClock } from '../../clock.ts';
import { openAppQueue } from '../../compose/open-app-queue.ts';
import type { Logger } from '../../log.ts';
import { parseStoreUrl } from '../../storage/parse-store-url.ts';
import type { DoctorCheck } from '../doctor-check.ts';
import { messageOf } from './message-of.ts';
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
        return { state: 'ok', detail: `${location.kind} at ${location.safeUrl} answers` };
      } catch (error) {
        return {
          state: 'fail',
          detail: `${location.kind} at ${location.safeUrl}: ${messageOf(error)}`,
          fix: FIXES[location.kind],
        };
      }
    },
  };
}

/** The work queue opens the way the bot opens it (openAppQueue), and is closed again. */
export function queueCheck(store: DoctorStore, log: Logger, clock: Clock = systemClock): DoctorCheck {
  return {
    id: 'bot.queue',
    group: 'Bot',
    title: 'Work queue',
    async run({ config }) {
      let opened: Awaited<ReturnType<DoctorStore['open']>>;
      try {
        opened = await store.open();
      } catch {
        return { state: 'skip', detail: 'the store does not answer (see Store above)' };
      }
      try {
        const queue = await openAppQueue({ config, log }, opened, clock);
        await queue.close();
      } catch (error) {
        return {
          state: 'fail',
          detail: `the queue did not open: ${messageOf(error)}`,
          fix: 'Check QUEUE_PATH (with Redis) or the store itself, and that no other program holds its file.',
        };
      }
      return { state: 'ok', detail: `opens (${queueKind(opened.kind, config.QUEUE_PATH)})` };
    },
  };
}

function queueKind(kind: string, queuePath: string | undefined): string {
  if (kind === 'postgres') return 'in PostgreSQL';
  if (kind === 'redis') return queuePath === undefined ? 'BullMQ on Redis' : `SQLite at ${queuePath}`;
  return "in the SQLite store's file";
}
