import type { DatabaseSync } from 'node:sqlite';
import { BotError } from '../errors.ts';

interface Pending<I, O> {
  input: I;
  resolve: (output: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: writes submitted within one turn of the event loop share one transaction, so the
 * cost of a durable commit (an fsync) is paid once per batch instead of once per request.
 */
export function createGroupCommit<I, O>(options: { db: DatabaseSync; apply: (input: I) => O }) {
  let batch: Pending<I, O>[] = [];
  let scheduled = false;

  const flush = (): void => {
    scheduled = false;
    const current = batch;
    batch = [];
    if (current.length === 0) return;
    const outputs: O[] = [];
    try {
      options.db.exec('BEGIN IMMEDIATE');
      for (const item of current) outputs.push(options.apply(item.input));
      options.db.exec('COMMIT');
    } catch (cause) {
      if (options.db.isTransaction) options.db.exec('ROLLBACK');
      const error = new BotError('store_unavailable', { message: 'queue write failed', cause });
      for (const item of current) item.reject(error);
      return;
    }
    for (const [index, item] of current.entries()) item.resolve(outputs[index] as O);
  };

  return {
    submit(input: I): Promise<O> {
      return new Promise<O>((resolve, reject) => {
        batch.push({ input, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
    /** Writes whatever is waiting now (used on close). */
    async flushNow(): Promise<void> {
      flush();
    },
  };
}
