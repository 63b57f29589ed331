import type { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import type { PlatformGate } from '../../delivery/create-platform-gate.ts';
import { BotError, isBotError } from '../../errors.ts';
import { failedBeforeSending } from '../../http/failed-before-sending.ts';
import { conversationScope } from './create-teams-gate.ts';
import { answerId, readConnectorAnswer } from './read-connector-answer.ts';

export interface TeamsCredentials {
  MicrosoftAppId?: string | undefined;
  MicrosoftAppPassword?: string | undefined;
  MicrosoftAppType?: string | undefined;
  MicrosoftAppTenantId?: string | undefined;
}

/** An activity as we send it: one Adaptive Card alone, or text alone (reference §3.4). */
export type OutgoingActivity = Record<string, unknown>;

/**
 * Any 2xx means Teams did it. The ids in the answer are another matter: Teams answers `202` with no
 * body when it split a message (reference teams.md §3.4) and may answer any send or update with no
 * body (microsoft/teams.net: `ActivityClient` and `BotHttpClient` take an empty body for "no
 * content", PR #419 for a bodiless 202 on a send). So a post resolves with its ids when Teams gave
 * them and undefined otherwise (the message exists but can never be edited: callers that must edit
 * it decide), and an update needs no answer at all.
 */
export interface ConnectorClient {
  /** A new top-level post in a channel (`POST v3/conversations`). */
  createChannelPost(
    serviceUrl: string,
    input: { channelId: string; tenantId: string; activity: OutgoingActivity },
  ): Promise<{ conversationId: string; activityId: string } | undefined>;
  /**
   * The bot's 1:1 chat with a user, opened (or found: Teams keeps one per user) with a first message
   * (`POST v3/conversations` with one member, reference teams.md §3.2); the chat's id.
   */
  createPersonalChat(
    serviceUrl: string,
    input: { userId: string; tenantId: string; botId: string; activity: OutgoingActivity },
  ): Promise<string | undefined>;
  /** A new message in a conversation (a chat, or a channel thread `…;messageid=…`); its id if given. */
  send(serviceUrl: string, conversationId: string, activity: OutgoingActivity): Promise<string | undefined>;
  update(
    serviceUrl: string,
    conversationId: string,
    activityId: string,
    activity: OutgoingActivity,
  ): Promise<void>;
  /** One member of a conversation (`GET v3/conversations/{id}/members/{memberId}`): a TeamsChannelAccount. */
  getMember(serviceUrl: string, conversationId: string, memberId: string): Promise<Record<string, unknown>>;
}

/** The audience of the bot's outgoing tokens; Entra ID is asked for `${this}/.default` (reference §1.5). */
export const BOT_FRAMEWORK_SCOPE = 'https://api.botframework.com';
/**
 * Entra ID's login base, tenant appended (botframework-connector `ToChannelFromBotLoginUrlPrefix`).
 * botbuilder picks its public-cloud credentials by this prefix; the doctor asks for a token here too.
 */
export const BOT_FRAMEWORK_LOGIN_URL = 'https://login.microsoftonline.com/';

/**
 * The few Bot Connector calls delivery makes, on fetch. Not the SDK's client on purpose: its pipeline
 * retries POSTs on 5xx by itself, which can post a card twice (reference §6.2); here every failure
 * goes back to the durable queue, with Retry-After honoured. Tokens come from botbuilder's own
 * credential factory (none in local, unauthenticated mode).
 */
export function createConnectorClient(options: {
  credentials: TeamsCredentials;
  timeoutMs?: number;
  /** Called on every answered request (2xx): a recovery notifier learns that Teams is back. */
  onSuccess?: () => void;
  /** Paces every request by conversation and app, and hears of every 429 (create-teams-gate.ts). */
  gate?: Pick<PlatformGate, 'beforeRequest' | 'afterAnswer'>;
}): ConnectorClient {
  // botbuilder costs ~50 MB and most of a second of start: it is loaded by the first request that
  // needs a token, never without an app id (BENCHMARKS.md, footprint).
  let loading: Promise<ConfigurationServiceClientCredentialFactory> | undefined;
  const credentialFactory = () => {
    loading ??= import('botbuilder').then(
      ({ ConfigurationServiceClientCredentialFactory }) =>
        new ConfigurationServiceClientCredentialFactory({
          MicrosoftAppId: options.credentials.MicrosoftAppId ?? '',
          MicrosoftAppPassword: options.credentials.MicrosoftAppPassword ?? '',
          MicrosoftAppType: options.credentials.MicrosoftAppType ?? '',
          MicrosoftAppTenantId: options.credentials.MicrosoftAppTenantId ?? '',
        }),
    );
    return loading;
  };
  const authorization = async (): Promise<Record<string, string>> => {
    // What the factory's isAuthenticationDisabled() answers without an app id (local use).
    if (!options.credentials.MicrosoftAppId) return {};
    const factory = await credentialFactory();
    if (await factory.isAuthenticationDisabled()) return {};
    const appId = options.credentials.MicrosoftAppId ?? '';
    const credentials = (await factory.createCredentials(
      appId,
      BOT_FRAMEWORK_SCOPE,
      BOT_FRAMEWORK_LOGIN_URL,
      true,
    )) as {
      getToken?: () => Promise<string>;
    };
    if (typeof credentials.getToken !== 'function')
      throw new BotError('delivery_failed', { message: 'no token for the Bot Connector', nothingDone: true });
    return { Authorization: `Bearer ${await credentials.getToken()}` };
  };

  /**
   * One request in the gate's turn, sent again while the gate says so after a 429 (a refused request
   * did nothing, reference teams.md §6.1); the conversation it counts against is its scope.
   */
  const call = async (
    method: string,
    url: string,
    body: unknown,
    conversationId: string,
  ): Promise<Record<string, unknown> | undefined> => {
    const scope = conversationScope(conversationId);
    for (;;) {
      await options.gate?.beforeRequest(scope);
      try {
        return await send(method, url, body);
      } catch (error) {
        const refused = isBotError(error) && error.details.status === 429;
        const again =
          refused && options.gate?.afterAnswer({ status: 429, retryAfterMs: error.retryAfterMs }, scope);
        if (!again) throw error;
      }
    }
  };

  /** The JSON object Teams answered, or undefined for no body (or not an object): either way, done. */
  const send = async (
    method: string,
    url: string,
    body: unknown,
  ): Promise<Record<string, unknown> | undefined> => {
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: { 'Content-Type': 'application/json; charset=utf-8', ...(await authorization()) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        redirect: 'error',
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      });
    } catch (cause) {
      if (cause instanceof BotError) throw cause;
      throw new BotError('delivery_failed', {
        message: 'the Bot Connector could not be reached',
        cause,
        details: { platform: 'teams' },
        retryable: true,
        nothingDone: failedBeforeSending(cause),
      });
    }
    const answer = await readConnectorAnswer(response);
    options.onSuccess?.();
    return answer;
  };

  const conversationUrl = (serviceUrl: string, conversationId: string) =>
    `${serviceUrl.replace(/\/+$/, '')}/v3/conversations/${encodeURIComponent(conversationId)}`;

  return {
    async createChannelPost(serviceUrl, input) {
      const result = await call(
        'POST',
        `${serviceUrl.replace(/\/+$/, '')}/v3/conversations`,
        {
          isGroup: true,
          channelData: { channel: { id: input.channelId }, tenant: { id: input.tenantId } },
          activity: input.activity,
        },
        input.channelId,
      );
      const conversationId = answerId(result, 'id');
      const activityId = answerId(result, 'activityId');
      return conversationId && activityId ? { conversationId, activityId } : undefined;
    },
    async createPersonalChat(serviceUrl, input) {
      const result = await call(
        'POST',
        `${serviceUrl.replace(/\/+$/, '')}/v3/conversations`,
        {
          isGroup: false,
          bot: { id: input.botId },
          members: [{ id: input.userId }],
          tenantId: input.tenantId,
          channelData: { tenant: { id: input.tenantId } },
          activity: input.activity,
        },
        input.userId,
      );
      return answerId(result, 'id');
    },
    async send(serviceUrl, conversationId, activity) {
      const result = await call(
        'POST',
        `${conversationUrl(serviceUrl, conversationId)}/activities`,
        activity,
        conversationId,
      );
      return answerId(result, 'id');
    },
    async update(serviceUrl, conversationId, activityId, activity) {
      await call(
        'PUT',
        `${conversationUrl(serviceUrl, conversationId)}/activities/${encodeURIComponent(activityId)}`,
        {
          ...activity,
          id: activityId,
        },
        conversationId,
      );
    },
    async getMember(serviceUrl, conversationId, memberId) {
      const url = `${conversationUrl(serviceUrl, conversationId)}/members/${encodeURIComponent(memberId)}`;
      return (await call('GET', url, undefined, conversationId)) ?? {};
    },
  };
}
