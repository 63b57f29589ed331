import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { BotError } from '../../errors.ts';
import { parseRetryAfter } from '../../sekoia/parse-retry-after.ts';

export interface TeamsCredentials {
  MicrosoftAppId?: string | undefined;
  MicrosoftAppPassword?: string | undefined;
  MicrosoftAppType?: string | undefined;
  MicrosoftAppTenantId?: string | undefined;
}

/** An activity as we send it: one Adaptive Card alone, or text alone (reference §3.4). */
export type OutgoingActivity = Record<string, unknown>;

export interface ConnectorClient {
  /** A new top-level post in a channel (`POST v3/conversations`). */
  createChannelPost(
    serviceUrl: string,
    input: { channelId: string; tenantId: string; activity: OutgoingActivity },
  ): Promise<{ conversationId: string; activityId: string }>;
  /** A new message in a conversation (a chat, or a channel thread `…;messageid=…`). */
  send(serviceUrl: string, conversationId: string, activity: OutgoingActivity): Promise<string>;
  update(
    serviceUrl: string,
    conversationId: string,
    activityId: string,
    activity: OutgoingActivity,
  ): Promise<void>;
}

const BOT_FRAMEWORK_SCOPE = 'https://api.botframework.com';
const LOGIN_URL = 'https://login.microsoftonline.com/';

/**
 * The few Bot Connector calls delivery makes, on fetch. Not the SDK's client on purpose: its pipeline
 * retries POSTs on 5xx by itself, which can post a card twice (reference §6.2); here every failure
 * goes back to the durable queue, with Retry-After honoured. Tokens come from botbuilder's own
 * credential factory (none in local, unauthenticated mode).
 */
export function createConnectorClient(options: {
  credentials: TeamsCredentials;
  timeoutMs?: number;
}): ConnectorClient {
  const factory = new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: options.credentials.MicrosoftAppId ?? '',
    MicrosoftAppPassword: options.credentials.MicrosoftAppPassword ?? '',
    MicrosoftAppType: options.credentials.MicrosoftAppType ?? '',
    MicrosoftAppTenantId: options.credentials.MicrosoftAppTenantId ?? '',
  });
  const authorization = async (): Promise<Record<string, string>> => {
    if (await factory.isAuthenticationDisabled()) return {};
    const appId = options.credentials.MicrosoftAppId ?? '';
    const credentials = (await factory.createCredentials(appId, BOT_FRAMEWORK_SCOPE, LOGIN_URL, true)) as {
      getToken?: () => Promise<string>;
    };
    if (typeof credentials.getToken !== 'function')
      throw new BotError('delivery_failed', { message: 'no token for the Bot Connector' });
    return { Authorization: `Bearer ${await credentials.getToken()}` };
  };

  const call = async (method: string, url: string, body: unknown): Promise<Record<string, unknown>> => {
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: { 'Content-Type': 'application/json; charset=utf-8', ...(await authorization()) },
        body: JSON.stringify(body),
        redirect: 'error',
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      });
    } catch (cause) {
      if (cause instanceof BotError) throw cause;
      throw new BotError('delivery_failed', {
        message: 'the Bot Connector could not be reached',
        cause,
        retryable: true,
      });
    }
    const text = await response.text();
    if (!response.ok) throw connectorError(response, text);
    if (response.status === 202 || text === '') {
      // Teams split the activity (text and card together) and gave no id: it can never be updated.
      throw new BotError('platform_rejected', {
        message: 'Teams accepted the message without an id',
        retryable: false,
      });
    }
    return JSON.parse(text) as Record<string, unknown>;
  };

  const conversationUrl = (serviceUrl: string, conversationId: string) =>
    `${serviceUrl.replace(/\/+$/, '')}/v3/conversations/${encodeURIComponent(conversationId)}`;

  return {
    async createChannelPost(serviceUrl, input) {
      const result = await call('POST', `${serviceUrl.replace(/\/+$/, '')}/v3/conversations`, {
        isGroup: true,
        channelData: { channel: { id: input.channelId }, tenant: { id: input.tenantId } },
        activity: input.activity,
      });
      const conversationId = typeof result.id === 'string' ? result.id : '';
      const activityId = typeof result.activityId === 'string' ? result.activityId : '';
      if (conversationId === '' || activityId === '')
        throw new BotError('platform_rejected', { message: 'no activity id from Teams', retryable: false });
      return { conversationId, activityId };
    },
    async send(serviceUrl, conversationId, activity) {
      const result = await call(
        'POST',
        `${conversationUrl(serviceUrl, conversationId)}/activities`,
        activity,
      );
      if (typeof result.id !== 'string')
        throw new BotError('platform_rejected', { message: 'no activity id from Teams', retryable: false });
      return result.id;
    },
    async update(serviceUrl, conversationId, activityId, activity) {
      await call(
        'PUT',
        `${conversationUrl(serviceUrl, conversationId)}/activities/${encodeURIComponent(activityId)}`,
        {
          ...activity,
          id: activityId,
        },
      );
    },
  };
}

/** 429, 412, 5xx heal with time (reference §6.1); 403 (bot removed), 404, 413 will not. */
function connectorError(response: Response, text: string): BotError {
  const status = response.status;
  let code: string | undefined;
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown } };
    code = typeof body.error?.code === 'string' ? body.error.code.slice(0, 80) : undefined;
  } catch {
    code = undefined; // not JSON (a proxy page): the status says enough
  }
  const details = { status, ...(code ? { teamsErrorCode: code } : {}) };
  if (status === 429 || status === 412 || status >= 500) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now());
    return new BotError('delivery_failed', {
      message: `the Bot Connector answered ${status}`,
      details,
      retryable: true,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }
  return new BotError('platform_rejected', {
    message: `the Bot Connector refused the request (${status})`,
    details,
    retryable: false,
  });
}
