/**
 * `npm run queue -- dead [--limit N] | retry <id> | retry --all | drop <id>`: the dead-letter list
 * of the bot's own queue, opened from the same configuration (environment, then `.env`) by the same
 * code as the bot (openAppQueue), on whatever engine it runs: SQLite, PostgreSQL or BullMQ on Redis.
 * It starts nothing else and is safe while the bot runs (each change is one transaction or one
 * BullMQ script; on SQLite the file is in WAL mode with a busy timeout). Exits 0 done, 1 no such
 * dead letter or the queue failed, 2 bad usage.
 */

import pino from 'pino';
import { systemClock } from '../src/clock.ts';
import { openAppQueue } from '../src/compose/open-app-queue.ts';
import { type Config, loadConfig } from '../src/config/load-config.ts';
import { withEnvFile } from '../src/config/read-env-file.ts';
import { isBotError } from '../src/errors.ts';
import { createLogger } from '../src/log.ts';
import {
  parseQueueCommand,
  QUEUE_EXIT,
  QUEUE_USAGE,
  runQueueCommand,
} from '../src/queue/run-queue-command.ts';
import { createStore } from '../src/storage/create-store.ts';

const write = (line: string) => process.stdout.write(`${line}\n`);
const fail: (message: string, code: number) => never = (message, code) => {
  process.stderr.write(`${message}\n`);
  process.exit(code);
};

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--help' || args[0] === '-h' || args[0] === 'help')) {
  write(QUEUE_USAGE);
  process.exit(QUEUE_EXIT.ok);
}
const command = parseQueueCommand(args);
if (typeof command === 'string') fail(`${command}\n\n${QUEUE_USAGE}`, QUEUE_EXIT.usage);

let config: Readonly<Config>;
try {
  config = loadConfig(withEnvFile(process.env, '.env'));
} catch (error) {
  fail(isBotError(error, 'config_invalid') ? error.message : String(error), QUEUE_EXIT.notFound);
}
// Warnings only, on stderr: stdout is the report.
const log = createLogger({ level: 'warn', destination: pino.destination({ dest: 2, sync: true }) });
const store = await createStore({ url: config.STORE_URL, log });
let code: number = QUEUE_EXIT.notFound;
try {
  const queue = await openAppQueue({ config, log }, store, systemClock);
  try {
    code = await runQueueCommand(queue, command, write, systemClock.now());
  } finally {
    await queue.close();
  }
} catch (error) {
  process.stderr.write(`The queue failed: ${error instanceof Error ? error.message : String(error)}\n`);
} finally {
  await store.close();
}
process.exit(code);
