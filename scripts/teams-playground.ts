/**
 * `npm run teams:playground`: the bot and Microsoft 365 Agents Playground, a Teams look-alike in the
 * browser (no Microsoft account), with a fake Sekoia.io whose sample alerts this prompt raises.
 * Ctrl-C or `quit` stops everything and removes the temporary data.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { createLogger } from '../src/log.ts';
import { chooseLogFormat } from '../src/log-format.ts';
import { PLAYGROUND_BOT_NAME, PLAYGROUND_CHANNEL, PLAYGROUND_TEAM } from './agents-playground-config.ts';
import { PROMPT_HELP, runPromptCommand } from './playground-prompt-commands.ts';
import { type PlaygroundWorld, startPlaygroundWorld } from './start-playground-world.ts';

const out = (line = '') => process.stdout.write(`${line}\n`);

function intro(world: PlaygroundWorld): void {
  const at = `@${PLAYGROUND_BOT_NAME}`;
  out();
  out(`Microsoft 365 Agents Playground: ${world.playground.url}   ← open it in a browser`);
  out(`The bot: ${world.bot.botUrl} (Teams in local mode), fake Sekoia.io: ${world.sekoia.url}`);
  out();
  out(
    `In the Playground, open ${PLAYGROUND_TEAM.name} › ${PLAYGROUND_CHANNEL.name} and type (pick ${at} from the list):`,
  );
  out(`  ${at} subscribe alert-raised        a card for every new alert in this channel`);
  out(`  ${at} help                          the other commands`);
  out('Then raise alerts here; their cards appear in the channel, with buttons to click:');
  for (const line of PROMPT_HELP) out(`  ${line}`);
  out();
}

async function main(): Promise<void> {
  const isTTY = process.stdout.isTTY === true;
  const format = chooseLogFormat({ configured: undefined, nodeEnv: process.env.NODE_ENV, isTTY });
  const log = createLogger({ level: process.env.LOG_LEVEL ?? 'warn', format, colorize: isTTY });
  const botPort = process.env.PORT ? Number(process.env.PORT) : undefined;
  const world = await startPlaygroundWorld({ log, ...(botPort === undefined ? {} : { botPort }) });
  const prompt = createInterface({ input: process.stdin, output: process.stdout, prompt: 'sekoia> ' });
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      out('\nStopping…');
      prompt.close();
      await world.stop();
    })();
    return stopping;
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  prompt.on('SIGINT', () => void stop());
  world.playground.child.once('exit', (code) => {
    if (stopping !== undefined) return;
    // Its log is in the temporary directory stop() removes: its end is shown first.
    out(`\nAgents Playground exited (code ${code}). The end of its log:`);
    const log = existsSync(world.playground.logFile) ? readFileSync(world.playground.logFile, 'utf8') : '';
    for (const line of log.trim().split('\n').slice(-15)) out(line);
    void stop();
  });
  intro(world);
  prompt.prompt();
  for await (const line of prompt) {
    const answer = runPromptCommand(world.sekoia, line);
    for (const text of answer.lines) out(text);
    if (answer.quit) break;
    prompt.prompt();
  }
  await stop();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
