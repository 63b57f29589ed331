import { join } from 'node:path';
import { FAKE_MATTERMOST_COMMAND_TOKEN } from '../test/fakes/fake-mattermost/index.ts';

/**
 * The environment of a bot process between a fake Sekoia.io and a fake Mattermost, with its SQLite
 * store in `dir` and warnings only, as JSON: what bench:storm and bench:footprint start.
 */
export function fakeWorldEnv(options: {
  dir: string;
  secret: string;
  sekoia: { url: string; apiKey: string; appUrl: string };
  mattermost: { url: string; botToken: string };
}): Record<string, string> {
  const { dir, sekoia, mattermost } = options;
  return {
    STORE_URL: `sqlite://${join(dir, 'bot.sqlite')}`,
    SEKOIA_WEBHOOK_SECRET: options.secret,
    SEKOIA_API_URL: sekoia.url,
    SEKOIA_API_KEY: sekoia.apiKey,
    SEKOIA_APP_URL: sekoia.appUrl,
    MATTERMOST_URL: mattermost.url,
    MATTERMOST_BOT_TOKEN: mattermost.botToken,
    MATTERMOST_COMMAND_TOKENS: FAKE_MATTERMOST_COMMAND_TOKEN,
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
  };
}
