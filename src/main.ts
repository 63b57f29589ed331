import { announceStart } from './announce-start.ts';
import { createApp } from './app.ts';
import { type Config, type Env, loadConfig } from './config/load-config.ts';
import { withEnvFile } from './config/read-env-file.ts';
import { isBotError } from './errors.ts';
import { createLogger } from './log.ts';
import { chooseLogFormat } from './log-format.ts';
import { releaseStartMemory } from './release-start-memory.ts';

/** Long enough for the first requests and jobs after listening; the collection pauses ~80 ms. */
const RELEASE_START_MEMORY_AFTER_MS = 1_000;

/** Entry point: read the environment, build the app, serve, stop cleanly on SIGTERM / SIGINT. */
async function main(): Promise<void> {
  let config: Readonly<Config>;
  let env: Env;
  try {
    env = withEnvFile(process.env, '.env');
    config = loadConfig(env);
  } catch (error) {
    process.stderr.write(`${isBotError(error, 'config_invalid') ? error.message : String(error)}\n`);
    process.exit(1);
  }
  const isTTY = process.stdout.isTTY;
  const format = chooseLogFormat({ configured: config.LOG_FORMAT, nodeEnv: env.NODE_ENV, isTTY });
  const log = createLogger({ level: config.LOG_LEVEL, format, colorize: isTTY === true });
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled rejection'));
  const app = await createApp({ config, log, onFatal: () => process.exit(1) });
  const port = await app.listen().catch(async (error: unknown) => {
    log.fatal({ err: error, port: config.PORT }, 'cannot listen (is the port in use? set PORT)');
    await app.stop();
    process.exit(1);
  });
  announceStart({ config, log, port, secrets: app.secrets, out: process.stdout });
  setTimeout(releaseStartMemory, RELEASE_START_MEMORY_AFTER_MS).unref();

  let signals = 0;
  const shutdown = (signal: NodeJS.Signals) => {
    signals += 1;
    if (signals > 1) process.exit(1);
    log.info({ signal }, 'shutting down: finishing in-flight work');
    app.stop().then(
      () => {
        log.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

await main();
