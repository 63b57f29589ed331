import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The fault tests run on their own (`npm run test:faults`, vitest.faults.config.ts).
    exclude: ['test/faults/**', '**/node_modules/**'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Integration tests start servers and child processes; two cores is the CI machine's size.
    maxWorkers: 2,
    // Polls wait for real work across processes and threads; on a loaded two-core machine the
    // default second is too tight, and a poll that passes returns as soon as it does.
    expect: { poll: { timeout: 5_000 } },
  },
});
