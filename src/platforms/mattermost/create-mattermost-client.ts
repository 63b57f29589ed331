import { Client4 } from '@mattermost/client';
import type { PlatformGate } from '../../delivery/create-platform-gate.ts';
import { BotError } from '../../errors.ts';
import { failedBeforeSending } from '../../http/failed-before-sending.ts';
import { parseRetryAfter } from '../../http/parse-retry-after.ts';
import { readRateLimit } from './read-rate-limit.ts';

interface FetchResult {
  response: Response;
  data: unknown;
}

type FetchWithResponse = (
  url: string,
  options: RequestInit & { ignoreStatus?: boolean },
) => Promise<FetchResult>;

/** Client4 plus the routes it lacks or cannot cancel (reference §5.1, §7). */
export class MattermostClient extends Client4 {
  openDialog(body: { trigger_id: string; url: string; dialog: unknown }): Promise<unknown> {
    return this.doFetch(`${this.getBaseRoute()}/actions/dialogs/open`, {
      method: 'post',
      body: JSON.stringify(body),
    });
  }

  /**
   * One page of `GET /groups` with these query parameters (server/channels/api4/group.go getGroups;
   * names from server/channels/web/params.go): a JSON array of groups.
   */
  listGroups(query: Readonly<Record<string, string>>): Promise<unknown> {
    return this.doFetch(`${this.getGroupsRoute()}?${new URLSearchParams(query).toString()}`, {
      method: 'get',
    });
  }

  /**
   * `ServiceSettings.SiteURL` (trailing `/` trimmed, `''` when unset) from `GET /config/client?format=old`,
   * which needs no session and always carries it (server/channels/api4/config.go, server/config/client.go).
   */
  async getSiteUrl(signal?: AbortSignal): Promise<string> {
    const config = await this.doFetch<Record<string, unknown>>(
      `${this.getBaseRoute()}/config/client?format=old`,
      { method: 'get', ...(signal ? { signal } : {}) },
    );
    return typeof config?.SiteURL === 'string' ? config.SiteURL : '';
  }
}

export interface CreateMattermostClientOptions {
  url: string;
  token: string;
  userAgent?: string;
  /** Called on every answered request (2xx): a recovery notifier learns that Mattermost is back. */
  onSuccess?: () => void;
  /** Paces every request and learns from every answer's rate-limit headers (create-platform-gate.ts). */
  gate?: Pick<PlatformGate, 'beforeRequest' | 'afterAnswer'>;
}

/**
 * Client4 as the bot, with errors we can act on. Client4 builds its errors from the JSON body only: a
 * plain-text 429 or a proxy's HTML 502 gives no status and no Retry-After (reference §7). Its fetch
 * step is wrapped to keep the status and headers, and failures become coded BotErrors.
 */
export function createMattermostClient(options: CreateMattermostClientOptions): MattermostClient {
  const client = new MattermostClient();
  client.setUrl(options.url.replace(/\/+$/, ''));
  client.setToken(options.token);
  client.setUserAgent(options.userAgent ?? 'sekoia-chatops');
  client.setIncludeCookies(false);
  // doFetchWithResponse is private in the typings but an instance property at runtime (reference §7).
  const hooks = client as unknown as { doFetchWithResponse: FetchWithResponse };
  const original = hooks.doFetchWithResponse;
  const { gate } = options;
  hooks.doFetchWithResponse = async (url, init) => {
    for (;;) {
      await gate?.beforeRequest();
      let result: FetchResult;
      try {
        result = await original(url, { ...init, ignoreStatus: true });
      } catch (cause) {
        throw new BotError('delivery_failed', {
          message: 'Mattermost could not be reached',
          cause,
          details: { platform: 'mattermost' },
          retryable: true,
          nothingDone: failedBeforeSending(cause),
        });
      }
      // A 429 comes from the limiter, before any handler: the request did nothing and may go again.
      const again = gate?.afterAnswer(readRateLimit(result.response, Date.now())) ?? false;
      if (result.response.ok) {
        options.onSuccess?.();
        return result;
      }
      if (!again) throw mattermostError(result);
    }
  };
  return client;
}

/**
 * 429 and 5xx heal with time (honouring Retry-After); 401/403/404/400/413 will not. A 4xx (429
 * included: the rate limiter answers before the handler) did nothing; a 5xx may come after the work.
 */
function mattermostError(result: FetchResult): BotError {
  const status = result.response.status;
  const body =
    typeof result.data === 'object' && result.data !== null ? (result.data as Record<string, unknown>) : {};
  const id = typeof body.id === 'string' ? body.id.slice(0, 120) : undefined;
  const details = { status, platform: 'mattermost', ...(id ? { mattermostErrorId: id } : {}) };
  const retryable = status === 429 || status >= 500 || status === 408;
  const nothingDone = status >= 400 && status < 500;
  if (!retryable) {
    return new BotError('platform_rejected', {
      message: `Mattermost refused the request (${status})`,
      details,
      retryable: false,
      nothingDone,
    });
  }
  const retryAfterMs = parseRetryAfter(result.response.headers.get('retry-after'), Date.now());
  return new BotError('delivery_failed', {
    message: `Mattermost answered ${status}`,
    details,
    retryable: true,
    nothingDone,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}
