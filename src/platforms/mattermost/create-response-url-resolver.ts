import type { Clock } from '../../clock.ts';
import { BotError, isBotError } from '../../errors.ts';
import type { Logger } from '../../log.ts';
import { matchCommandHook, type ServerBase, toServerBase } from './match-command-hook.ts';

/** While the Site URL is unknown, or a `response_url` matches nothing, it is read again at most this often. */
export const SITE_URL_RETRY_MS = 60_000;
const SITE_URL_TIMEOUT_MS = 5_000;

export interface ResponseUrlResolver {
  /** Reads the server's Site URL in the background (best effort, logged). */
  start(): void;
  /**
   * Where to send a late answer for this `response_url`: the same hook on `MATTERMOST_URL` when the
   * URL is a command hook of the configured server (on `MATTERMOST_URL` or on the server's Site URL),
   * undefined otherwise. Nothing but the configured server is ever called (spec §8).
   */
  resolve(responseUrl: string): Promise<string | undefined>;
}

export interface CreateResponseUrlResolverOptions {
  mattermostUrl: string;
  /** The server's `ServiceSettings.SiteURL` (`''` when unset), e.g. from `GET /config/client?format=old`. */
  readSiteUrl: (signal: AbortSignal) => Promise<string>;
  clock: Clock;
  log: Logger;
  retryMs?: number;
  timeoutMs?: number;
}

/**
 * Mattermost builds `response_url` on its configured Site URL (server/channels/app/command.go), which
 * often differs from the address the bot uses (`MATTERMOST_URL` on an internal network). The Site URL
 * is read from the server itself, so a late answer is recognised either way, then sent to the same
 * hook on `MATTERMOST_URL`, the address the bot is known to reach.
 */
export function createResponseUrlResolver(options: CreateResponseUrlResolverOptions): ResponseUrlResolver {
  const parsed = toServerBase(options.mattermostUrl);
  if (parsed === undefined) {
    throw new BotError('config_invalid', {
      message: 'MATTERMOST_URL is not an http(s) URL',
      retryable: false,
    });
  }
  const configured: ServerBase = parsed;
  const retryMs = options.retryMs ?? SITE_URL_RETRY_MS;
  const log = options.log.child({ component: 'response-url' });
  let site: ServerBase | undefined;
  let lastAttemptAt = Number.NEGATIVE_INFINITY;
  let reading: Promise<void> | undefined;
  let announced = false;

  const hookOf = (url: string) =>
    matchCommandHook(url, configured) ?? (site ? matchCommandHook(url, site) : undefined);

  async function readSite(): Promise<void> {
    lastAttemptAt = options.clock.now();
    let value: string;
    try {
      value = await options.readSiteUrl(AbortSignal.timeout(options.timeoutMs ?? SITE_URL_TIMEOUT_MS));
    } catch (error) {
      const err = isBotError(error) ? error.code : error instanceof Error ? error.name : 'unknown';
      log.warn(
        { err, trusted: describe(configured, site) },
        'could not read the Site URL from Mattermost; tried again when a late answer needs it',
      );
      return;
    }
    const next = toServerBase(value);
    if (value === '')
      log.warn('Mattermost has no Site URL (ServiceSettings.SiteURL): it runs no custom slash command');
    else if (next === undefined)
      log.warn({ siteUrl: value.slice(0, 200) }, 'Mattermost reports a Site URL that is not http(s)');
    const changed = next?.origin !== site?.origin || next?.path !== site?.path;
    site = next;
    if (changed || !announced) {
      announced = true;
      log.info({ trusted: describe(configured, site) }, 'late command answers (response_url) accepted from');
    }
  }

  const refresh = () => {
    reading ??= readSite().finally(() => {
      reading = undefined;
    });
    return reading;
  };

  return {
    start: () => void refresh(),
    async resolve(responseUrl) {
      if (hookOf(responseUrl) === undefined) {
        // A read under way is waited for; a new one is made only when the last is old enough.
        if (reading !== undefined) await reading;
        else if (options.clock.now() - lastAttemptAt >= retryMs) await refresh();
      }
      const hook = hookOf(responseUrl);
      return hook === undefined ? undefined : `${configured.origin}${configured.path}/hooks/commands/${hook}`;
    },
  };
}

function describe(configured: ServerBase, site: ServerBase | undefined): string[] {
  const bases = [configured, ...(site ? [site] : [])].map((base) => `${base.origin}${base.path}`);
  return [...new Set(bases)];
}
