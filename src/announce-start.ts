import type { Config } from './config/load-config.ts';
import type { Secrets } from './config/resolve-secrets.ts';
import type { Logger } from './log.ts';
import { CHAT_PLATFORMS } from './platforms/platform-list.ts';

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
  for (const platform of CHAT_PLATFORMS) platform.announce(config, log);
  if (!config.SEKOIA_API_KEY) {
    log.warn(
      'SEKOIA_API_KEY is not set: alerts cannot be enriched (cards use the WebHook content only), and the Rules Catalog and intake-silence watchers are off',
    );
  }
  log.info(
    { linkedIdentities: config.IDENTITY_ENCRYPTION_KEY ? 'on' : 'off' },
    config.IDENTITY_ENCRYPTION_KEY
      ? 'linked identities on: users may link their own Sekoia.io key (link)'
      : 'linked identities off: every action uses the bot key (set IDENTITY_ENCRYPTION_KEY to offer link)',
  );
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
