import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.ts';
import { composeStores } from '../../src/compose/compose-stores.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { captureLog } from '../storage/capture-log.ts';

// A real Redis server (override with TEST_REDIS_URL); a database of its own keeps the app's fixed
// namespaces ('secrets', 'rules') away from other tests.
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/13';

const dir = mkdtempSync(join(tmpdir(), 'queue-path-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('QUEUE_PATH', () => {
  it('puts the embedded queue where QUEUE_PATH says when the store is on Redis', async () => {
    const path = join(dir, 'nested', 'queue.sqlite');
    const config = loadConfig({ STORE_URL: REDIS_URL, QUEUE_PATH: path });
    const stores = await composeStores({ config, log: captureLog().log }, createManualClock());
    try {
      expect(existsSync(path)).toBe(true);
      await stores.queue.ping();
    } finally {
      stores.rules.stop();
      await stores.queue.close();
      await stores.store.close();
    }
  });
});
