import type { Pool, PoolClient } from 'pg';

/**
 * Runs `work` on a client taken from the pool, for a transaction. pg-pool hears a client's 'error'
 * only while the client is idle in the pool: one checked out that loses its server (PostgreSQL
 * restarted mid-transaction) emits an 'error' nobody hears, which kills the process. So the client
 * is heard while out, and a client that failed is destroyed on release rather than pooled again.
 */
export async function withPoolClient<T>(
  pool: Pool,
  onError: (error: unknown) => void,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const hear = (error: Error) => {
    broken = error;
    onError(error);
  };
  client.on('error', hear);
  try {
    return await work(client);
  } finally {
    client.off('error', hear);
    client.release(broken);
  }
}
