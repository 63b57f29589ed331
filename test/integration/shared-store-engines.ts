import { createClient } from '@keyv/redis';
import pg from 'pg';

/** A store several bots share (STORE_URL), made empty before a test file and cleaned after it. */
export interface SharedStoreEngine {
  storeUrl: string;
  setUp(): Promise<void>;
  tearDown(): Promise<void>;
}

// Real servers with trust auth (override with TEST_POSTGRES_URL / TEST_REDIS_URL). PostgreSQL: a
// database made for the file and dropped after it; Redis: a database of its own, emptied before and
// after (the bot's namespaces, tables and queue keys have fixed names).
const SERVER_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_SERVER_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function flushRedis(url: string): Promise<void> {
  const client = createClient({ url });
  await client.connect();
  try {
    await client.flushDb();
  } finally {
    await client.close();
  }
}

/**
 * The two shared engines, PostgreSQL and Redis (BullMQ queue), for `describe.each`. Each test file
 * passes its own database name and Redis database number, so that files running at once never meet.
 */
export function sharedStoreEngines(options: {
  database: string;
  redisDb: number;
}): [string, SharedStoreEngine][] {
  const { database } = options;
  const postgresUrl = Object.assign(new URL(SERVER_URL), { pathname: `/${database}` }).toString();
  const redisUrl = `${REDIS_SERVER_URL}/${options.redisDb}`;
  return [
    [
      'PostgreSQL',
      {
        storeUrl: postgresUrl,
        setUp: async () => {
          await admin(`DROP DATABASE IF EXISTS ${database}`);
          await admin(`CREATE DATABASE ${database}`);
        },
        tearDown: () => admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`),
      },
    ],
    [
      'Redis (BullMQ)',
      { storeUrl: redisUrl, setUp: () => flushRedis(redisUrl), tearDown: () => flushRedis(redisUrl) },
    ],
  ];
}
