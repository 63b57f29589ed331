import cron, { type Logger as CronLogger } from 'node-cron';
import type { Logger } from '../log.ts';

/** What the scheduler needs from a cron library; tests pass one they fire by hand. */
export interface CronDriver {
  /** Why `expression` is not a valid cron expression; empty when it is. */
  problems(expression: string): string[];
  /** Calls `fire` at every match of `expression` until the returned function is called. */
  schedule(options: { name: string; expression: string; fire: () => void; log: Logger }): () => void;
}

/** node-cron: ticks only. Overlap and run-once are the scheduler's own (tested, store-backed). */
export function createCronDriver(): CronDriver {
  return {
    problems(expression) {
      const { valid, errors } = cron.validateDetailed(expression);
      if (valid) return [];
      return errors.length > 0 ? errors.map((error) => error.message) : ['not a cron expression'];
    },
    schedule({ name, expression, fire, log }) {
      const task = cron.schedule(expression, fire, { name, logger: cronLogger(log), unref: true });
      return () => {
        // destroy() also drops the task from node-cron's process-wide registry.
        void task.destroy();
      };
    },
  };
}

/** node-cron's own warnings (a missed tick under load) go to our log, not the console. */
function cronLogger(log: Logger): CronLogger {
  return {
    info: (message) => log.info(message),
    warn: (message) => log.warn(message),
    error: (message, err) => log.error({ err: err ?? message }, 'node-cron error'),
    debug: (message) => log.debug({ detail: String(message) }, 'node-cron'),
  };
}
