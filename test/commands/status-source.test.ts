import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.ts';
import { createStatusSource } from '../../src/create-status-source.ts';
import { createLogger } from '../../src/log.ts';
import type { QueueStats } from '../../src/queue/job-queue.ts';

describe('status source', () => {
  const source = (stats: () => Promise<QueueStats>) =>
    createStatusSource({
      sekoia: { ping: async () => undefined },
      queue: { stats },
      records: { get: async () => undefined, set: async () => undefined },
      clock: createManualClock(),
      log: createLogger({ level: 'silent' }),
    });

  it('reports the dead letters with the pending deliveries, unknown when the queue does not answer', async () => {
    expect(await source(async () => ({ pending: 4, running: 1, dead: 2 })).read()).toMatchObject({
      pendingDeliveries: 4,
      deadLetters: 2,
    });
    expect(await source(() => Promise.reject(new Error('queue away'))).read()).toMatchObject({
      pendingDeliveries: null,
      deadLetters: null,
    });
  });
});
