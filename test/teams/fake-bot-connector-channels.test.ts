import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeBotConnector, startFakeBotConnector } from '../fakes/fake-bot-connector/index.ts';

/** A bot endpoint that records what Teams sends and answers 200. */
async function startRecorder(): Promise<{
  url: string;
  received: Record<string, unknown>[];
  server: Server;
}> {
  const received: Record<string, unknown>[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on('end', () => {
      received.push(JSON.parse(body) as Record<string, unknown>);
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`, received, server };
}

const card = { type: 'AdaptiveCard', version: '1.5', body: [] };
const activity = {
  type: 'message',
  attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
};

/**
 * Private and shared channels as learn.microsoft.com/microsoftteams/platform/build-apps-for-shared-private-channels
 * describes them: own roster, the app added per channel, members from other teams and tenants.
 */
describe('fake Bot Connector: private and shared channels', () => {
  let fake: FakeBotConnector;
  let recorder: Awaited<ReturnType<typeof startRecorder>>;
  const v3 = (path: string, init?: RequestInit) => fetch(new URL(`v3/${path}`, fake.serviceUrl), init);
  const post = (channelId: string) =>
    v3('conversations', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ isGroup: true, channelData: { channel: { id: channelId } }, activity }),
    });
  const member = (conversationId: string, userId: string) =>
    v3(`conversations/${encodeURIComponent(conversationId)}/members/${encodeURIComponent(userId)}`);

  beforeEach(async () => {
    fake = await startFakeBotConnector();
    recorder = await startRecorder();
  });
  afterEach(async () => {
    await fake.close();
    await new Promise((resolve) => recorder.server.close(resolve));
  });

  it('refuses a post into a private channel with 403 BotNotInConversationRoster until the app is added there', async () => {
    const ana = fake.addUser({ name: 'Ana Analyst' });
    const team = fake.addTeam({ name: 'Security', channels: [], members: [ana.id] });
    const vip = fake.addChannel({
      teamId: team.id,
      name: 'vip',
      membershipType: 'private',
      members: [ana.id],
    });
    const refused = await post(vip.id);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: 'BotNotInConversationRoster' } });
    expect((await post(team.id)).status).toBe(201);

    const added = await fake.sendChannelInstall({ botUrl: recorder.url, channelId: vip.id });
    expect(added.status).toBe(200);
    expect(recorder.received[0]).toMatchObject({
      type: 'conversationUpdate',
      conversation: { id: vip.id, conversationType: 'channel' },
      membersAdded: [{ id: fake.botId }],
      channelData: {
        eventType: 'channelMemberAdded',
        channel: { id: vip.id, type: 'private' },
        team: { id: team.id },
        tenant: { id: fake.tenantId },
      },
    });
    const created = await post(vip.id);
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ id: expect.stringMatching(`^${vip.id};messageid=`) });
  });

  it('does not deliver a mention in a private channel without the app, and says the channel type once it is there', async () => {
    const ana = fake.addUser({ name: 'Ana Analyst' });
    const team = fake.addTeam({ name: 'Security', channels: [], members: [ana.id] });
    const vip = fake.addChannel({
      teamId: team.id,
      name: 'vip',
      membershipType: 'private',
      members: [ana.id],
    });
    const conversation = { kind: 'channel' as const, teamId: team.id, channelId: vip.id };
    const send = () => fake.sendMessage({ botUrl: recorder.url, from: ana.id, conversation, text: 'rules' });
    expect((await send()).delivered).toBe(false);
    await fake.sendChannelInstall({ botUrl: recorder.url, channelId: vip.id });
    const sent = await send();
    expect(sent.delivered).toBe(true);
    expect(sent.activity).toMatchObject({
      channelData: { channel: { id: vip.id, type: 'private' }, team: { id: team.id } },
    });
  });

  it('answers member lookups from the channel’s own roster; the team’s roster stays the team’s', async () => {
    const ana = fake.addUser({ name: 'Ana Analyst' });
    const tom = fake.addUser({ name: 'Tom Teammate' });
    const paul = fake.addUser({ name: 'Paul Partner' });
    const eve = fake.addUser({ name: 'Eve External', tenantId: 'tenant-2' });
    const team = fake.addTeam({ name: 'Security', channels: [], members: [ana.id, tom.id] });
    const vip = fake.addChannel({
      teamId: team.id,
      name: 'vip',
      membershipType: 'private',
      members: [ana.id],
    });
    const shared = fake.addChannel({
      teamId: team.id,
      name: 'partners',
      membershipType: 'shared',
      members: [ana.id, paul.id, eve.id],
    });
    await fake.sendChannelInstall({ botUrl: recorder.url, channelId: vip.id });
    await fake.sendChannelInstall({ botUrl: recorder.url, channelId: shared.id });

    expect((await member(vip.id, ana.id)).status).toBe(200);
    expect((await member(vip.id, tom.id)).status).toBe(404);
    expect((await member(team.id, tom.id)).status).toBe(200);
    expect((await member(team.id, paul.id)).status).toBe(404);
    expect((await member(shared.id, paul.id)).status).toBe(200);
    const external = await member(shared.id, eve.id);
    expect(await external.json()).toMatchObject({ id: eve.id, tenantId: 'tenant-2', userRole: 'user' });
  });
});
