import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type Activity,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConversationParameters,
  type ConversationReference,
  type ConversationResourceResponse,
  MessageFactory,
  type ResourceResponse,
  TeamsActivityHandler,
  TeamsInfo,
  TurnContext,
} from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import restify from 'restify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock, type ManualClock } from '../../src/clock.ts';
import {
  FAKE_BOT_ID,
  FAKE_TENANT_ID,
  type FakeBotConnector,
  type FakeTeam,
  type FakeTeamsUser,
  startFakeBotConnector,
} from '../fakes/fake-bot-connector/index.ts';

/** A tiny botbuilder bot: echoes commands, answers card clicks, records what Teams sent. */
class EchoBot extends TeamsActivityHandler {
  readonly received: Activity[] = [];

  constructor() {
    super();
    this.onTurn(async (context, next) => {
      // A copy: removeRecipientMention rewrites the activity's text.
      this.received.push(structuredClone(context.activity));
      await next();
    });
    this.onMessage(async (context, next) => {
      await context.sendActivity(`echo: ${TurnContext.removeRecipientMention(context.activity)}`);
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(
    _context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const text = `${invokeValue.action.verb} by ${JSON.stringify(invokeValue.action.data)}`;
    const value = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text }] };
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value };
  }
}

async function startTestBot() {
  // No app id: no auth either way (reference teams.md §1.4).
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new EchoBot();
  const server = restify.createServer();
  server.use(restify.plugins.bodyParser());
  server.post('/api/messages', async (req, res) => {
    const request = {
      body: req.body as Record<string, unknown>,
      headers: req.headers,
      method: req.method ?? 'POST',
    };
    await adapter.process(request, res, (context) => bot.run(context));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
  return {
    url,
    adapter,
    received: bot.received,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

type TestBot = Awaited<ReturnType<typeof startTestBot>>;

let clock: ManualClock;
let fake: FakeBotConnector;
let bot: TestBot;
let ana: FakeTeamsUser;
let team: FakeTeam;
let socId: string;

beforeEach(async () => {
  clock = createManualClock();
  fake = await startFakeBotConnector({ clock });
  bot = await startTestBot();
  ana = fake.addUser({ name: 'Ana Analyst' });
  team = fake.addTeam({ name: 'Security', channels: [{ name: 'soc-alerts' }], members: [ana.id] });
  socId = team.channels.find((channel) => channel.name === 'soc-alerts')?.id ?? '';
});

afterEach(async () => {
  await fake.close();
  await bot.close();
});

function reference(conversationId: string): Partial<ConversationReference> {
  return {
    channelId: 'msteams',
    serviceUrl: fake.serviceUrl,
    bot: { id: FAKE_BOT_ID, name: 'Sekoia' },
    conversation: {
      id: conversationId,
      isGroup: true,
      conversationType: 'channel',
      tenantId: FAKE_TENANT_ID,
      name: '',
    },
  };
}

/** A proactive turn, as the bot runs one when a webhook arrives (§3.3). */
async function proactive<T>(conversationId: string, logic: (context: TurnContext) => Promise<T>): Promise<T> {
  let result: { value: T } | undefined;
  await bot.adapter.continueConversationAsync('', reference(conversationId), async (context) => {
    result = { value: await logic(context) };
  });
  if (result === undefined) throw new Error('the proactive turn did not run');
  return result.value;
}

function createConversation(
  channelId: string,
  activity: Partial<Activity>,
): Promise<ConversationResourceResponse> {
  return proactive(channelId, async (context) => {
    const connector = context.turnState.get<ConnectorClient>(context.adapter.ConnectorClientKey);
    const parameters = {
      isGroup: true,
      channelData: { channel: { id: channelId }, tenant: { id: FAKE_TENANT_ID } },
      activity,
    };
    return connector.conversations.createConversation(parameters as ConversationParameters);
  });
}

const alertCard = (title: string) =>
  CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    version: '1.5',
    body: [{ type: 'TextBlock', text: title }],
    actions: [
      {
        type: 'Action.Execute',
        id: 'ack',
        title: 'Acknowledge',
        verb: 'alert.ack',
        data: { alertUuid: 'a-42' },
      },
    ],
  });

const postCard = (title = 'Suspicious PowerShell') =>
  createConversation(socId, MessageFactory.attachment(alertCard(title)));

describe('identifiers', () => {
  it('hands out Teams-shaped ids, the team sharing its General channel id', () => {
    expect(team.id).toMatch(/^19:[0-9a-f]{32}@thread\.tacv2$/);
    const standard = { membershipType: 'standard', members: [], botAdded: true };
    expect(team.channels).toEqual([
      { id: team.id, name: 'General', ...standard },
      { id: socId, name: 'soc-alerts', ...standard },
    ]);
    expect(socId).toMatch(/^19:[0-9a-f]{32}@thread\.tacv2$/);
    expect(ana.id).toMatch(/^29:/);
    expect(fake.addGroupChat({ members: [ana.id] }).id).toMatch(/^19:[0-9a-f]{32}@thread\.v2$/);
    expect(fake.personalChat(ana.id).id).toMatch(/^a:/);
    expect(fake.personalChat(ana.id)).toEqual(fake.personalChat(ana.id));
    expect(fake.serviceUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });
});

describe('a user types a command', () => {
  it('delivers a channel @mention shaped like Teams and collects the threaded echo', async () => {
    const result = await fake.sendMessage({
      botUrl: bot.url,
      from: ana.id,
      conversation: { kind: 'channel', teamId: team.id, channelId: socId },
      text: 'subscribe alert-raised urgency>=high',
    });
    expect(result).toMatchObject({ status: 200, delivered: true });
    const [inbound] = bot.received;
    const id = String(clock.now());
    expect(inbound).toMatchObject({
      type: 'message',
      id,
      channelId: 'msteams',
      serviceUrl: fake.serviceUrl,
      from: { id: ana.id, name: 'Ana Analyst', aadObjectId: ana.aadObjectId },
      recipient: { id: FAKE_BOT_ID, name: 'Sekoia' },
      conversation: {
        id: `${socId};messageid=${id}`,
        conversationType: 'channel',
        isGroup: true,
        tenantId: 'tenant-1',
      },
      text: '\r\n<at>Sekoia</at> subscribe alert-raised urgency>=high\r\n',
      entities: [
        { type: 'mention', text: '<at>Sekoia</at>', mentioned: { id: FAKE_BOT_ID, name: 'Sekoia' } },
      ],
      channelData: {
        teamsChannelId: socId,
        teamsTeamId: team.id,
        channel: { id: socId },
        team: { id: team.id },
        tenant: { id: 'tenant-1' },
      },
      locale: 'en-US',
    });
    expect(result.replies).toHaveLength(1);
    expect(result.replies[0]).toMatchObject({
      conversationId: `${socId};messageid=${id}`,
      channelId: socId,
      replyToId: id,
      activity: { type: 'message', text: 'echo: subscribe alert-raised urgency>=high' },
    });
    expect(fake.thread(id)).toEqual(result.replies);
    const [call] = fake.requests;
    expect(call).toMatchObject({
      method: 'POST',
      path: `/v3/conversations/${socId};messageid=${id}/activities/${id}`,
      rawPath: `/v3/conversations/${encodeURIComponent(`${socId};messageid=${id}`)}/activities/${id}`,
    });
    expect(call?.rawPath).toContain('%3Bmessageid%3D');
    expect(call?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(call?.headers.authorization).toBeUndefined();
  });

  it('does not deliver a channel message without @mention, nor into a team without the bot', async () => {
    const conversation = { kind: 'channel' as const, teamId: team.id, channelId: socId };
    const quiet = await fake.sendMessage({
      botUrl: bot.url,
      from: ana.id,
      conversation,
      text: 'rules',
      mention: false,
    });
    fake.setBotInstalled(team.id, false);
    const removed = await fake.sendMessage({ botUrl: bot.url, from: ana.id, conversation, text: 'rules' });
    expect([quiet.delivered, removed.delivered]).toEqual([false, false]);
    expect(bot.received).toEqual([]);
  });

  it('sends personal messages unmentioned and group chat ones mentioned', async () => {
    const personal = fake.personalChat(ana.id);
    const direct = await fake.sendMessage({
      botUrl: bot.url,
      from: ana.id,
      conversation: { kind: 'personal', id: personal.id },
      text: 'help',
    });
    expect(bot.received[0]).toMatchObject({
      text: 'help',
      entities: [],
      channelData: { tenant: { id: 'tenant-1' } },
    });
    expect(bot.received[0]?.conversation).toEqual({
      id: personal.id,
      conversationType: 'personal',
      tenantId: 'tenant-1',
    });
    expect(direct.replies.map((reply) => reply.activity.text)).toEqual(['echo: help']);
    const group = fake.addGroupChat({ members: [ana.id] });
    const chat = await fake.sendMessage({
      botUrl: bot.url,
      from: ana.id,
      conversation: { kind: 'groupChat', id: group.id },
      text: 'rules',
    });
    expect(bot.received[1]?.conversation).toMatchObject({
      id: group.id,
      conversationType: 'groupChat',
      isGroup: true,
    });
    expect(chat.replies).toMatchObject([
      { conversationId: group.id, channelId: group.id, activity: { text: 'echo: rules' } },
    ]);
  });
});

describe('proactive posts and updates through botbuilder', () => {
  it('creates a thread root, replies through the reply route with a random id, and updates by activity id', async () => {
    const posted = await postCard();
    expect(posted.activityId).toMatch(/^\d+$/);
    expect(posted.id).toBe(`${socId};messageid=${posted.activityId}`);
    expect(fake.requests[0]).toMatchObject({ method: 'POST', path: '/v3/conversations' });
    await proactive(posted.id, (context) => context.sendActivity('Ana is on it'));
    const replyPath = fake.requests[1]?.path ?? '';
    expect(replyPath).toMatch(
      new RegExp(`^/v3/conversations/.+;messageid=${posted.activityId}/activities/[0-9a-f-]{36}$`),
    );
    expect(fake.thread(posted.activityId).map((reply) => reply.activity.text)).toEqual(['Ana is on it']);
    const updated = MessageFactory.attachment(alertCard('Closed'));
    await proactive(posted.id, (context) => context.updateActivity({ ...updated, id: posted.activityId }));
    expect(fake.requests[2]).toMatchObject({
      method: 'PUT',
      path: `/v3/conversations/${posted.id}/activities/${posted.activityId}`,
    });
    const message = fake.getMessage(posted.activityId ?? '');
    expect(message?.versions).toHaveLength(2);
    expect(JSON.stringify(message?.activity)).toContain('Closed');
  });

  it('updates through the bare channel id too, and answers 404 for a message that is not the bot’s', async () => {
    const posted = await postCard();
    await proactive(socId, (context) =>
      context.updateActivity({ ...MessageFactory.text('x'), id: posted.activityId }),
    );
    expect(fake.getMessage(posted.activityId ?? '')?.activity.text).toBe('x');
    await expect(
      proactive(socId, (context) => context.updateActivity({ ...MessageFactory.text('y'), id: '1234' })),
    ).rejects.toMatchObject({ statusCode: 404, code: 'ActivityNotFoundInConversation' });
  });

  it('deletes a message', async () => {
    const posted = await postCard();
    await proactive(posted.id ?? '', (context) => context.deleteActivity(posted.activityId ?? ''));
    expect(fake.messages()).toEqual([]);
    expect(fake.getMessage(posted.activityId ?? '')?.deletedAt).toBe(clock.now());
  });

  it('gives numeric message ids that grow with the clock', async () => {
    const first = await postCard();
    const second = await postCard();
    clock.advance(60_000);
    const third = await postCard();
    expect([first, second, third].map((posted) => Number(posted.activityId))).toEqual([
      clock.now() - 60_000,
      clock.now() - 59_999,
      clock.now(),
    ]);
  });

  it('takes a post to the bare channel id as a new thread root, and refuses a thread it never saw', async () => {
    const sent = await proactive(socId, (context) => context.sendActivity(MessageFactory.text('hello')));
    expect(fake.messages(socId)).toMatchObject([
      { id: sent?.id, conversationId: `${socId};messageid=${sent?.id}` },
    ]);
    await expect(
      proactive(`${socId};messageid=42`, (context) => context.sendActivity('lost')),
    ).rejects.toMatchObject({ statusCode: 404, code: 'ConversationNotFound' });
  });

  it('opens the 1:1 chat with createConversation and one member', async () => {
    const created = await proactive(socId, (context) => {
      const connector = context.turnState.get<ConnectorClient>(context.adapter.ConnectorClientKey);
      const parameters = { isGroup: false, members: [{ id: ana.id }], tenantId: FAKE_TENANT_ID };
      return connector.conversations.createConversation({
        ...parameters,
        activity: MessageFactory.text('hi Ana'),
      } as ConversationParameters);
    });
    expect(created.id).toBe(fake.personalChat(ana.id).id);
    expect(fake.messages(created.id)).toMatchObject([
      { id: created.activityId, activity: { text: 'hi Ana' } },
    ]);
  });

  it('answers 400 BadSyntax to a channel post without isGroup, and to a body that is not JSON', async () => {
    const post = (body: string) => fetch(`${fake.serviceUrl}v3/conversations`, { method: 'POST', body });
    const missing = await post(
      JSON.stringify({ channelData: { channel: { id: socId } }, activity: { type: 'message' } }),
    );
    expect([missing.status, await missing.json()]).toMatchObject([400, { error: { code: 'BadSyntax' } }]);
    expect((await post('{')).status).toBe(400);
  });
});

describe('Teams quirks', () => {
  it('splits text + card and answers 202 without an id, so the card can never be updated', async () => {
    const sent: ResourceResponse | undefined = await proactive(socId, (context) =>
      context.sendActivity(MessageFactory.attachment(alertCard('Alert'), 'New alert')),
    );
    expect(sent?.id).toBeUndefined();
    const parts = fake.messages(socId);
    expect(parts).toHaveLength(2);
    expect(parts.every((part) => part.split === true)).toBe(true);
    const viaCreate = await createConversation(socId, MessageFactory.list([alertCard('a'), alertCard('b')]));
    expect(viaCreate.activityId).toBeUndefined();
  });

  it('refuses a message over 100 KB with 413 MessageSizeTooBig', async () => {
    const huge = MessageFactory.text('x'.repeat(52_000));
    await expect(createConversation(socId, huge)).rejects.toMatchObject({
      statusCode: 413,
      code: 'MessageSizeTooBig',
    });
    expect(fake.messages()).toEqual([]);
  });

  it('answers 403 BotNotInConversationRoster where the bot is not installed, until an install', async () => {
    const other = fake.addTeam({ name: 'Red team', channels: [{ name: 'ops' }], botInstalled: false });
    const opsId = other.channels[1]?.id ?? '';
    const post = () => createConversation(opsId, MessageFactory.attachment(alertCard('x')));
    await expect(post()).rejects.toMatchObject({ statusCode: 403, code: 'BotNotInConversationRoster' });
    await expect(
      createConversation('19:unknown@thread.tacv2', MessageFactory.text('x')),
    ).rejects.toMatchObject({
      statusCode: 403,
    });
    const install = await fake.sendInstall({ botUrl: bot.url, teamId: other.id });
    expect(install.statuses).toEqual([200, 200]);
    expect(bot.received.map((activity) => activity.type)).toEqual([
      'conversationUpdate',
      'installationUpdate',
    ]);
    expect(bot.received[0]).toMatchObject({
      conversation: { id: other.id, conversationType: 'channel', isGroup: true, tenantId: 'tenant-1' },
      membersAdded: [{ id: FAKE_BOT_ID }],
      channelData: {
        eventType: 'teamMemberAdded',
        team: { id: other.id, name: 'Red team' },
        tenant: { id: 'tenant-1' },
      },
    });
    expect(bot.received[1]).toMatchObject({ action: 'add', channelData: { team: { id: other.id } } });
    expect((await post()).activityId).toMatch(/^\d+$/);
  });
});

describe('answers without a body', () => {
  const put = (posted: ConversationResourceResponse, text: string) =>
    fetch(
      `${fake.serviceUrl}v3/conversations/${encodeURIComponent(posted.id)}/activities/${posted.activityId}`,
      {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ type: 'message', text }),
      },
    );

  it('answers an update 200 with no body by default, or as told, and does the update either way', async () => {
    const posted = await postCard();
    const empty = await put(posted, 'first');
    expect([empty.status, await empty.text()]).toEqual([200, '']);
    fake.answerUpdatesWith({ status: 202, withId: false });
    const accepted = await put(posted, 'second');
    expect([accepted.status, await accepted.text()]).toEqual([202, '']);
    fake.answerUpdatesWith({ status: 201, withId: true });
    const described = await put(posted, 'third');
    expect([described.status, await described.json()]).toEqual([201, { id: posted.activityId }]);
    expect(fake.getMessage(posted.activityId ?? '')?.versions.map((v) => v.text)).toEqual([
      undefined,
      'first',
      'second',
      'third',
    ]);
    // botbuilder takes the empty answer as a success too.
    fake.answerUpdatesWith({ status: 200, withId: false });
    await proactive(posted.id, (context) =>
      context.updateActivity({ ...MessageFactory.text('x'), id: posted.activityId }),
    );
    expect(fake.getMessage(posted.activityId ?? '')?.activity.text).toBe('x');
  });

  it('still answers a refused update with the error JSON', async () => {
    const posted = await postCard();
    const missing = await put({ ...posted, activityId: '1234' }, 'x');
    expect([missing.status, await missing.json()]).toMatchObject([
      404,
      { error: { code: 'ActivityNotFoundInConversation' } },
    ]);
  });

  it('posts, then answers 202 with no body, when told to accept the next call without one', async () => {
    fake.acceptWithoutBodyNext(1);
    const created = await createConversation(socId, MessageFactory.attachment(alertCard('Alert')));
    expect(created.activityId).toBeUndefined();
    expect(fake.messages(socId)).toHaveLength(1);
    expect((await postCard()).activityId).toMatch(/^\d+$/);
  });
});

describe('faults and the SDK’s retries (§6.2)', () => {
  it('retries a 429 with Retry-After up to three times', async () => {
    fake.rateLimitNext(3, 0);
    const posted = await postCard();
    expect(fake.requests.map((request) => request.method)).toEqual(['POST', 'POST', 'POST', 'POST']);
    expect(fake.messages().map((message) => message.id)).toEqual([posted.activityId]);
    fake.clearRequests();
    fake.rateLimitNext(4, 0);
    await expect(postCard()).rejects.toMatchObject({ statusCode: 429, code: 'TooManyRequests' });
    expect(fake.requests).toHaveLength(4);
  });

  it('does not retry a 429 without Retry-After', async () => {
    fake.rateLimitNext(1);
    await expect(postCard()).rejects.toMatchObject({ statusCode: 429, code: 'TooManyRequests' });
    expect(fake.requests).toHaveLength(1);
    expect(fake.messages()).toEqual([]);
  });

  it('duplicates a post whose success answer was lost, through the SDK’s own 5xx retry', async () => {
    fake.acceptButFailNext(1);
    await postCard();
    expect(fake.requests).toHaveLength(2);
    expect(fake.messages()).toHaveLength(2);
  });

  it('fails calls with the error JSON, and resets connections while down', async () => {
    fake.failNext(1, 412, 'PreconditionFailed');
    await expect(postCard()).rejects.toMatchObject({ statusCode: 412, code: 'PreconditionFailed' });
    fake.failNext(1);
    const response = await fetch(`${fake.serviceUrl}v3/conversations/${encodeURIComponent(socId)}/members`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      error: { code: 'ServiceUnavailable', message: 'Injected failure.' },
    });
    fake.setDown(true);
    await expect(
      fetch(`${fake.serviceUrl}v3/conversations`, { method: 'POST', body: '{}' }),
    ).rejects.toThrow();
    fake.setDown(false);
  });
});

describe('a card click', () => {
  it('sends the adaptiveCard/action invoke built from the stored card and returns the invoke response', async () => {
    const posted = await postCard();
    const result = await fake.sendInvoke({
      botUrl: bot.url,
      from: ana.id,
      activityId: posted.activityId ?? '',
      verb: 'alert.ack',
      data: { comment: 'looking' },
    });
    expect(bot.received[0]).toMatchObject({
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId: posted.activityId,
      conversation: { id: posted.id, conversationType: 'channel', tenantId: 'tenant-1' },
      channelData: { channel: { id: socId }, team: { id: team.id }, tenant: { id: 'tenant-1' } },
      value: {
        action: {
          type: 'Action.Execute',
          id: 'ack',
          verb: 'alert.ack',
          data: { alertUuid: 'a-42', comment: 'looking' },
        },
        trigger: 'manual',
      },
    });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    await expect(
      fake.sendInvoke({
        botUrl: bot.url,
        from: ana.id,
        activityId: posted.activityId ?? '',
        verb: 'alert.nope',
        data: {},
      }),
    ).rejects.toThrow(/no Action.Execute/);
  });
});

describe('a slow bot', () => {
  it('gets no answer shown when it misses the invoke limit', async () => {
    await fake.close();
    fake = await startFakeBotConnector({ clock, invokeTimeoutMs: 100 });
    ana = fake.addUser({ name: 'Ana Analyst' });
    team = fake.addTeam({ name: 'Security', channels: [{ name: 'soc-alerts' }], members: [ana.id] });
    socId = team.channels.find((channel) => channel.name === 'soc-alerts')?.id ?? '';
    const posted = await postCard();
    const slow = createServer((_request, response) => {
      setTimeout(() => response.end('{}'), 300).unref();
    });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    const { port } = slow.address() as AddressInfo;
    try {
      const result = await fake.sendInvoke({
        botUrl: `http://127.0.0.1:${port}/api/messages`,
        from: ana.id,
        activityId: posted.activityId ?? '',
        verb: 'alert.ack',
      });
      expect(result).toMatchObject({ status: 0, body: undefined, timedOut: true });
    } finally {
      slow.closeAllConnections();
      await new Promise<void>((resolve) => slow.close(() => resolve()));
    }
  });
});

describe('rosters', () => {
  it('lists a team’s members, paged, and its channels', async () => {
    const ben = fake.addUser({ name: 'Ben Responder' });
    fake.addTeamMember(team.id, ben.id);
    const [first, second] = await proactive(socId, async (context) => {
      const page = await TeamsInfo.getPagedMembers(context, 1);
      return [page, await TeamsInfo.getPagedMembers(context, 1, page.continuationToken)];
    });
    expect(first?.members.map((member) => member.id)).toEqual([ana.id]);
    expect(second?.members).toMatchObject([
      { id: ben.id, name: 'Ben Responder', givenName: 'Ben', surname: 'Responder' },
    ]);
    expect(second?.continuationToken).toBeUndefined();
    const all = await fetch(`${fake.serviceUrl}v3/conversations/${encodeURIComponent(socId)}/members`);
    expect(await all.json()).toMatchObject([
      { id: ana.id, name: 'Ana Analyst', aadObjectId: ana.aadObjectId, tenantId: 'tenant-1' },
      { id: ben.id },
    ]);
    const channels = await proactive(socId, (context) => TeamsInfo.getTeamChannels(context, team.id));
    expect(channels).toEqual(team.channels.map(({ id, name }) => ({ id, name })));
  });
});
