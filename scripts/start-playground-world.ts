/**
 * What `npm run teams:playground` runs: a fake Sekoia.io, the bot (Teams on, unauthenticated: no
 * MicrosoftAppId) and Microsoft 365 Agents Playground pointed at the bot, all on this machine.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../src/log.ts';
import { type FakeSekoia, startFakeSekoia } from '../test/fakes/fake-sekoia/index.ts';
import { createTeardown } from './create-teardown.ts';
import { freePort } from './free-port.ts';
import { type AgentsPlayground, startAgentsPlayground } from './start-agents-playground.ts';
import { type DemoBot, startDemoBot } from './start-demo-bot.ts';

/** The port Agents Playground and the Teams samples expect a bot on. */
export const DEFAULT_BOT_PORT = 3978;

export interface PlaygroundWorld {
  sekoia: FakeSekoia;
  bot: DemoBot;
  playground: AgentsPlayground;
  /** Stops the Playground, the bot and the fake, and removes the data; safe to call twice. */
  stop(): Promise<void>;
}

export interface StartPlaygroundWorldOptions {
  /** The bot's port; default 3978, or any free port when it is taken. */
  botPort?: number;
  /** The Playground's port; default its own 56150 (0: any free port). */
  playgroundPort?: number;
  log?: Logger;
}

/** What was started is stopped again (and the data removed) if a later part fails. */
export async function startPlaygroundWorld(
  options: StartPlaygroundWorldOptions = {},
): Promise<PlaygroundWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'sekoia-chatops-playground-'));
  const teardown = createTeardown(dir);
  const { stop } = teardown;
  try {
    const sekoia = await startFakeSekoia({});
    teardown.add(() => sekoia.close());
    const port = options.botPort ?? (await freePort(DEFAULT_BOT_PORT));
    const bot = await startDemoBot({ dir, sekoia, port, ...(options.log ? { log: options.log } : {}) });
    teardown.add(() => bot.app.stop());
    sekoia.setWebhookUrl(bot.webhookUrl);
    const playground = await startAgentsPlayground({
      messagesUrl: bot.messagesUrl,
      dir,
      ...(options.playgroundPort === undefined ? {} : { port: options.playgroundPort }),
    });
    teardown.add(() => playground.stop());
    return { sekoia, bot, playground, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
