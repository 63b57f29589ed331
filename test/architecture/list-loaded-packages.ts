/**
 * Run in its own process by lazy-packages.test.ts: builds and starts the app on a SQLite file with
 * both platforms on, as main.ts does, and prints the packages loaded by then (one JSON line).
 */
import { mkdtempSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const loaded = new Set<string>();
registerHooks({
  load(url, context, next) {
    const name = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];
    if (name) loaded.add(name);
    return next(url, context);
  },
});

const { createApp } = await import('../../src/app.ts');
const { loadConfig } = await import('../../src/config/load-config.ts');
const { createLogger } = await import('../../src/log.ts');
const dir = mkdtempSync(join(tmpdir(), 'lazy-packages-'));
const config = loadConfig({
  STORE_URL: `sqlite://${join(dir, 'bot.sqlite')}`,
  // Nothing listens there: start never calls Mattermost.
  MATTERMOST_URL: 'http://127.0.0.1:9',
  MATTERMOST_BOT_TOKEN: 'token',
});
const app = await createApp({ config, log: createLogger({ level: 'silent' }) });
await app.listen(0, '127.0.0.1');
await app.stop();
process.stdout.write(`${JSON.stringify([...loaded].sort())}\n`);
