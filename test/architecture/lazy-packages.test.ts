import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Packages a started bot on SQLite must not have loaded: each costs memory and start (BENCHMARKS.md). */
const LOADED_ON_USE = [
  // Teams' SDK: by the first activity, or the first send that needs a token.
  'botbuilder',
  'botframework-connector',
  '@azure/msal-node',
  // The Redis and PostgreSQL stores and queues.
  '@keyv/redis',
  '@redis/client',
  'bullmq',
  'ioredis',
  '@keyv/postgres',
  'pg',
  // Readable log lines only.
  'pino-pretty',
];

describe('packages loaded at start', () => {
  it('are not the platform SDKs, store clients or log prettifier a SQLite bot with no traffic does not use', () => {
    const child = spawnSync(process.execPath, [join(import.meta.dirname, 'list-loaded-packages.ts')], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.stderr).toBe('');
    const loaded = JSON.parse(child.stdout) as string[];
    // The check itself sees packages: restify is always loaded.
    expect(loaded).toContain('restify');
    expect(loaded.filter((name) => LOADED_ON_USE.includes(name))).toEqual([]);
  });
});
