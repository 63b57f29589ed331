import { defineConfig } from 'vitest/config';

/**
 * `npm run test:faults`: several bot processes on a Redis and a PostgreSQL of the tests' own,
 * crashed and restarted under load (test/faults). One file at a time: each runs three replicas,
 * the fakes and a server on a two-core machine.
 */
export default defineConfig({
  test: {
    include: ['test/faults/**/*.faults.test.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
    expect: { poll: { timeout: 10_000 } },
  },
});
