import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore } from '../../src/storage/create-store.ts';
import { captureLog } from '../storage/capture-log.ts';
import { describeLeaseReplicas } from './describe-lease-replicas.ts';

// Two replicas on one database file, each with its own connection, as two processes would be.
describeLeaseReplicas('sqlite', async (clock) => {
  const dir = mkdtempSync(join(tmpdir(), 'leases-'));
  const url = `sqlite://${join(dir, 'shared.sqlite')}`;
  const [a, b] = await Promise.all([
    createStore({ url, log: captureLog().log }),
    createStore({ url, log: captureLog().log }),
  ]);
  return {
    leasesA: a.leases({ clock }),
    leasesB: b.leases({ clock }),
    statusA: a.keyv('scheduler'),
    statusB: b.keyv('scheduler'),
    close: async () => {
      await Promise.all([a.close(), b.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
