import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from '../integration/start-bot.ts';
import { type PrivateEngine, waitFor } from './private-engine.ts';

const run = promisify(execFile);

/** The machine's PostgreSQL programs (Debian's /usr/lib/postgresql/<version>/bin). */
function binDir(): string {
  const root = '/usr/lib/postgresql';
  const version = existsSync(root)
    ? readdirSync(root)
        .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))[0]
    : undefined;
  if (version === undefined) throw new Error('no PostgreSQL server programs under /usr/lib/postgresql');
  return join(root, version, 'bin');
}

/** PostgreSQL refuses to run as root: as root, its programs run as the `postgres` user. */
function asServerUser(program: string, args: string[]): [string, string[]] {
  return userInfo().uid === 0 ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];
}

async function accepts(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * A PostgreSQL cluster of its own (initdb in a temporary directory, trust auth on loopback), crashed
 * with `pg_ctl stop -m immediate`: every server process quits at once, without a checkpoint, and
 * the next start replays the WAL, as after a crash. Committed transactions survive (fsync on).
 */
export async function startPrivatePostgres(): Promise<PrivateEngine> {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), 'fault-pg-'));
  const data = join(dir, 'data');
  if (userInfo().uid === 0) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: group } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout.trim()), Number(group.trim()));
  }
  const port = await freePort();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const pgCtl = (args: string[]) => {
    const [program, argv] = asServerUser(join(bin, 'pg_ctl'), ['-D', data, ...args]);
    return run(program, argv);
  };
  const [initdb, initArgs] = asServerUser(join(bin, 'initdb'), [
    ...['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '--no-instructions'],
  ]);
  await run(initdb, initArgs);
  const options = [
    `-p ${port}`,
    "-c listen_addresses='127.0.0.1'",
    `-c unix_socket_directories='${dir}'`,
    '-c max_connections=200',
    '-c shared_buffers=32MB',
  ].join(' ');
  const start = async () => {
    await pgCtl(['-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '30', 'start']);
    await waitFor('PostgreSQL did not accept connections', () => accepts(url));
  };
  await start();
  return {
    name: 'PostgreSQL',
    url,
    crash: async () => {
      await pgCtl(['-m', 'immediate', '-w', 'stop']);
    },
    start,
    async close() {
      await pgCtl(['-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
