import type { Config } from './config/load-config.ts';
import type { Secrets } from './config/resolve-secrets.ts';
import type { Logger } from './log.ts';

/**
 * What the operator needs at start: where the bot listens, which platforms are off and why, and the
 * WebHook URL. A freshly generated secret is shown once, on the terminal only, never in the logs.
 */
export function announceStart(options: {
  config: Readonly<Config>;
  log: Logger;
  port: number;
  secrets: Secrets;
  out: { write(text: string): unknown };
}): void {
  const { config, log, secrets } = options;
  log.info(
    { port: options.port, publicUrl: config.PUBLIC_URL, store: storeKind(config.STORE_URL) },
    'listening',
  );
  log.info(
    config.mattermostEnabled
      ? {
          platform: 'mattermost',
          state: 'on',
          url: config.MATTERMOST_URL,
          commandTokens: config.MATTERMOST_COMMAND_TOKENS.length,
        }
      : {
          platform: 'mattermost',
          state: 'off',
          reason: 'MATTERMOST_URL and MATTERMOST_BOT_TOKEN are not set',
        },
    'platform',
  );
  if (config.MicrosoftAppId) {
    log.info(
      { platform: 'teams', state: 'on', auth: 'Bot Framework', appType: config.MicrosoftAppType },
      'platform',
    );
  } else {
    log.warn(
      { platform: 'teams', state: 'on', auth: 'NONE' },
      'Teams endpoint /api/messages is UNAUTHENTICATED (no MicrosoftAppId): for local tests only, never expose it; service URLs are accepted from loopback only',
    );
  }
  if (config.mattermostEnabled && config.MATTERMOST_COMMAND_TOKENS.length === 0) {
    log.warn('MATTERMOST_COMMAND_TOKENS is empty: every /sekoia command will be refused (401)');
  }
  if (!config.SEKOIA_API_KEY) {
    log.warn(
      'SEKOIA_API_KEY is not set: alerts cannot be enriched (cards use the WebHook content only), and the Rules Catalog and intake-silence watchers are off',
    );
  }
  const base = `${config.PUBLIC_URL}/hooks/sekoia/`;
  if (secrets.generated.includes('SEKOIA_WEBHOOK_SECRET')) {
    options.out.write(
      `\nSekoia.io WebHook URL (generated now, shown once; it is stored and reused):\n  ${base}${secrets.webhookSecret}\n\n`,
    );
  } else {
    log.info(
      { webhookUrl: `${base}[secret]` },
      'Sekoia.io WebHook URL (secret from the store or SEKOIA_WEBHOOK_SECRET)',
    );
  }
}

function storeKind(url: string): string {
  return url.split(':')[0] ?? 'unknown';
}
