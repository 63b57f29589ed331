/**
 * `node bench/card-writes.ts [N]`: the cost, on the event loop, of the card writes a card job makes
 * (a marker, the final record, the alert's channel list), on a SQLite file, with the card namespace
 * committed with an fsync each (`durability: 'commit'`, synchronous=FULL) and with
 * `durability: 'process'` (synchronous=NORMAL in WAL mode, what compose-stores.ts uses). Prints µs
 * per write for both. The figures depend on the disk: run it where the bot's data lives.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CardRecord } from '../src/delivery/card-store.ts';
import { createLogger } from '../src/log.ts';
import { createKeyvCardStores } from '../src/storage/create-keyv-card-stores.ts';
import { createStore } from '../src/storage/create-store.ts';
import type { Durability } from '../src/storage/store-backend.ts';

const N = Number(process.argv[2] ?? 2_000);
const log = createLogger({ level: 'silent' });

const record = (index: number, messageId: string | null): CardRecord => ({
  alertUuid: `alert-${index}`,
  channel: { platform: 'mattermost', team: 't1', channel: `channel-${index % 20}` },
  messageId,
  creatingSince: Date.now(),
  inFlight: messageId === null ? true : undefined,
  ruleId: 'r7k2',
  ruleName: null,
  status: 'Pending',
  shownAt: 0,
});

/** N new cards as a card job writes them: marker (+ channel list), then the final record. */
async function measure(durability: Durability): Promise<{ writes: number; microsPerWrite: number }> {
  const dir = mkdtempSync(join(tmpdir(), `card-writes-${durability}-`));
  const store = await createStore({ url: `sqlite://${join(dir, 'bench.sqlite')}`, log });
  const { cards } = createKeyvCardStores({ keyv: store.keyv('cards', { durability }), log });
  const started = process.hrtime.bigint();
  for (let index = 0; index < N; index += 1) {
    await cards.put(record(index, null));
    await cards.put(record(index, `post-${index}`));
  }
  const elapsed = Number(process.hrtime.bigint() - started) / 1_000;
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  // Per card: the marker, its channel list (new alert), the final record.
  const writes = N * 3;
  return { writes, microsPerWrite: elapsed / writes };
}

const full = await measure('commit');
const normal = await measure('process');
console.log(`${N} cards, ${full.writes} writes each run`);
console.log(`durability 'commit'  (synchronous=FULL):   ${full.microsPerWrite.toFixed(1)} µs per write`);
console.log(`durability 'process' (synchronous=NORMAL): ${normal.microsPerWrite.toFixed(1)} µs per write`);
