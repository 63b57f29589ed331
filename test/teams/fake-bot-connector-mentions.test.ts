import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type FakeBotConnector,
  type FakeTeamsUser,
  startFakeBotConnector,
} from '../fakes/fake-bot-connector/index.ts';

let fake: FakeBotConnector;
let ana: FakeTeamsUser;
let socId: string;
let teamId: string;

beforeEach(async () => {
  fake = await startFakeBotConnector();
  ana = fake.addUser({ name: 'Ana Analyst' });
  const team = fake.addTeam({ name: 'Security', channels: [{ name: 'soc-alerts' }], members: [ana.id] });
  teamId = team.id;
  socId = team.channels.find((channel) => channel.name === 'soc-alerts')?.id ?? '';
});
afterEach(async () => {
  await fake.close();
});

const mention = (text: string, id: string, name = 'Ana Analyst') => ({
  type: 'mention',
  text,
  mentioned: { id, name },
});
const card = (text: string, entities: unknown[]) => ({
  type: 'message',
  attachments: [
    {
      contentType: 'application/vnd.microsoft.card.adaptive',
      content: {
        type: 'AdaptiveCard',
        version: '1.5',
        body: [{ type: 'TextBlock', text }],
        msteams: { entities },
      },
    },
  ],
});

async function send(method: 'POST' | 'PUT', path: string, body: unknown) {
  const response = await fetch(new URL(path, fake.serviceUrl), {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as { id?: string }) };
}
const post = (body: unknown) =>
  send('POST', `v3/conversations/${encodeURIComponent(socId)}/activities`, body);

describe('the fake Bot Connector reads mentions as Teams does (cards-format; channel-and-group-conversations)', () => {
  it('pings the user of an <at> that has its entity, when posted; an edit pings nobody again', async () => {
    const posted = await post(card('Hi <at>Ana Analyst</at>', [mention('<at>Ana Analyst</at>', ana.id)]));
    expect(posted.status).toBe(201);
    const id = posted.body?.id ?? '';
    expect(fake.getMessage(id)?.pinged).toEqual([ana.id]);
    const edited = await send(
      'PUT',
      `v3/conversations/${encodeURIComponent(socId)}/activities/${id}`,
      card('Still <at>Ana Analyst</at>', [mention('<at>Ana Analyst</at>', ana.id)]),
    );
    expect(edited.status).toBe(200);
    expect(fake.pings()).toEqual([{ messageId: id, ids: [ana.id], at: expect.any(Number) }]);
  });

  it('pings nobody for an <at> without an entity, an entity whose text is not in the card, or an unknown id', async () => {
    const posted = await post(
      card('<at>Ghost</at> and <at>Stranger</at>', [
        mention('<at>Nobody</at>', ana.id),
        mention('<at>Stranger</at>', '29:unknown', 'Stranger'),
      ]),
    );
    const message = fake.getMessage(posted.body?.id ?? '');
    expect(message?.pinged).toEqual([]);
    expect(message?.unmatchedMentions).toEqual(['<at>Nobody</at>', '<at>Ghost</at>']);
    expect(fake.pings()).toEqual([]);
  });

  it("reads a text message's entities, a tag's by its id, and refuses an entity without mentioned.id", async () => {
    const tag = fake.addTag({ teamId, name: 'SOC Oncall', members: [ana.id] });
    const text = await post({
      type: 'message',
      text: 'Reminder <at>SOC Oncall</at>',
      entities: [
        {
          type: 'mention',
          text: '<at>SOC Oncall</at>',
          mentioned: { id: tag.id, name: 'SOC Oncall', type: 'tag' },
        },
      ],
    });
    expect(fake.getMessage(text.body?.id ?? '')?.pinged).toEqual([tag.id]);
    const broken = await post(
      card('<at>Ana Analyst</at>', [{ type: 'mention', text: '<at>Ana Analyst</at>', mentioned: {} }]),
    );
    expect(broken.status).toBe(400);
  });

  it('sends a command with the mention entities of the people picked, typed text HTML-encoded', async () => {
    const result = await fake.sendMessage({
      botUrl: 'http://127.0.0.1:9/api/messages',
      from: ana.id,
      conversation: { kind: 'channel', teamId, channelId: socId },
      text: 'subscribe alert-raised --notify @Ana Analyst <at>x</at>',
      mentions: [ana.id],
    });
    expect(result.activity.text).toBe(
      '\r\n<at>Sekoia</at> subscribe alert-raised --notify <at>Ana Analyst</at> &lt;at>x&lt;/at>\r\n',
    );
    expect(result.activity.entities).toEqual([
      { type: 'mention', text: '<at>Sekoia</at>', mentioned: { id: fake.botId, name: 'Sekoia' } },
      { type: 'mention', text: '<at>Ana Analyst</at>', mentioned: { id: ana.id, name: 'Ana Analyst' } },
    ]);
  });
});
