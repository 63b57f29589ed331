import { BotError } from '../errors.ts';

/** Where leases live unless told otherwise: an SQL table, or the Redis key prefix. */
export const DEFAULT_LEASE_TABLE = 'scheduler_leases';

/** The name is spliced into SQL, so only plain identifiers pass. */
const TABLE = /^[a-z_][a-z0-9_]{0,62}$/;

export function leaseTable(table: string | undefined): string {
  const name = table ?? DEFAULT_LEASE_TABLE;
  if (!TABLE.test(name)) throw new TypeError(`invalid lease table name: ${name.slice(0, 80)}`);
  return name;
}

export function checkLeaseTtl(ttlMs: number): void {
  if (!Number.isSafeInteger(ttlMs) || ttlMs <= 0)
    throw new TypeError(`lease ttl must be a positive integer, got ${ttlMs}`);
}

/** A driver failure, as the scheduler sees it: the store did not answer. */
export function leaseStoreUnavailable(cause: unknown, kind: string): BotError {
  return new BotError('store_unavailable', {
    message: 'lease store did not answer',
    cause,
    details: { kind },
  });
}
