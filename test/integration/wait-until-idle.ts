import { expect } from 'vitest';
import type { Clock } from '../../src/clock.ts';
import type { JobQueue } from '../../src/queue/job-queue.ts';

/** What a world with an injected clock exposes for waiting: its fake Sekoia.io and its bot's queue. */
export interface IdleWorld {
  sekoia: { settleWebhooks(): Promise<unknown> };
  bot: { app: { queue: Pick<JobQueue, 'nextDueAt' | 'stats'> } };
}

/**
 * Waits until the WebHooks sent are answered and nothing due is left to run: jobs due later wait
 * for the injected clock, and no job runs.
 */
export async function waitUntilIdle(world: IdleWorld, clock: Clock): Promise<void> {
  await world.sekoia.settleWebhooks();
  await expect
    .poll(
      async () => {
        const { queue } = world.bot.app;
        const [due, stats] = await Promise.all([queue.nextDueAt(), queue.stats()]);
        return stats.running === 0 && (due === undefined || due > clock.now());
      },
      { timeout: 10_000 },
    )
    .toBe(true);
}
