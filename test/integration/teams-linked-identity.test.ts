import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alertUrgency } from '../fakes/fake-sekoia/index.ts';
import { type CapturedLog, captureLog } from '../storage/capture-log.ts';
import { cardContent, postHighUrgencyCard, startTeamsWorld, type TeamsWorld } from './start-teams-world.ts';

const ANA_KEY = 'ana-personal-key-3c9e7a10f4b2d8';
const READER_KEY = 'ana-reader-key-9b0d4e2f61a7c5';

/** Issue 14 point 2 on Teams: the key is asked for in the personal chat, then used for Ana's clicks. */
describe('linked identities on Teams', () => {
  let world: TeamsWorld;
  let botUrl: string;
  let captured: CapturedLog;

  beforeEach(async () => {
    captured = captureLog();
    world = await startTeamsWorld({
      log: captured.log,
      env: { IDENTITY_ENCRYPTION_KEY: randomBytes(32).toString('hex') },
    });
    botUrl = world.messagesUrl;
    world.sekoia.addApiKey({ key: ANA_KEY, name: 'Ana Analyst (SOC)' });
    world.sekoia.addApiKey({
      key: READER_KEY,
      name: 'Ana read only',
      permissions: ['SIC_READ_ALERTS', 'SIC_WRITE_ALERTS_COMMENTS'],
    });
  });
  afterEach(async () => {
    await world.close();
  });

  /** `link` typed in the channel: the form arrives in Ana's personal chat, not in the channel. */
  const link = async (key: string) => {
    const replies = await world.command('link');
    expect(JSON.stringify(replies.map((m) => m.activity))).toMatch(/private message/);
    const chat = world.connector.personalChat(world.ana.id).id;
    const form = world.connector.messages(chat).at(-1);
    const input = JSON.stringify(cardContent(form));
    expect(input).toContain('"style":"Password"');
    expect(JSON.stringify(world.connector.messages(world.channelId).map((m) => m.activity))).not.toContain(
      'Input.Text',
    );
    const result = await world.connector.sendInvoke({
      botUrl,
      from: world.ana.id,
      activityId: form?.id ?? '',
      verb: 'identity.link',
      data: { apiKey: key },
    });
    return { result, form };
  };
  const postedCard = () => postHighUrgencyCard(world, 'alert.acknowledge');
  const acknowledge = (messageId: string) =>
    world.connector.sendInvoke({
      botUrl,
      from: world.ana.id,
      activityId: messageId,
      verb: 'alert.acknowledge',
    });
  const changes = () => world.sekoia.requests.filter((r) => r.method !== 'GET');
  const keyOf = (r: { headers: Record<string, unknown> }) => String(r.headers.authorization);

  it('links through the personal-chat card, acts with Ana’s key, then with the bot’s after unlink', async () => {
    const { result, form } = await link(ANA_KEY);
    expect(JSON.stringify(result.body)).toMatch(/Linked to Sekoia\.io as Ana Analyst \(SOC\)/);
    expect(JSON.stringify(result.body)).not.toContain(ANA_KEY);
    // The form in the chat is edited too: no input left, no key.
    const edited = JSON.stringify(world.connector.getMessage(form?.id ?? '')?.activity);
    expect(edited).toMatch(/Linked to Sekoia/);
    expect(edited).not.toContain('Input.Text');
    const { alert, message } = await postedCard();
    expect((await acknowledge(message?.id ?? '')).status).toBe(200);
    expect(world.sekoia.getAlert(alert.uuid)?.status.name).toBe('Acknowledged');
    expect(changes().map(keyOf)).toEqual([`Bearer ${ANA_KEY}`]);

    expect(JSON.stringify((await world.command('unlink')).map((m) => m.activity))).toMatch(/Unlinked/);
    world.sekoia.clearRequests();
    const again = world.sekoia.addAlert({ urgency: alertUrgency(95) });
    await expect
      .poll(() => JSON.stringify(cardContent(world.cardOf(again.short_id)) ?? {}))
      .toContain('alert.acknowledge');
    await acknowledge(world.cardOf(again.short_id)?.id ?? '');
    expect(world.sekoia.getAlert(again.uuid)?.status.name).toBe('Acknowledged');
    expect(changes().map(keyOf)).toEqual([`Bearer ${world.sekoia.apiKey}`]);
    expect(captured.lines.join('\n')).not.toContain(ANA_KEY);
  });

  it('refuses Ana’s click that her Sekoia.io rights do not allow, card unchanged, no fall back', async () => {
    const { result } = await link(READER_KEY);
    expect(JSON.stringify(result.body)).toMatch(/Linked to Sekoia\.io as Ana read only/);
    const { alert, message } = await postedCard();
    const before = JSON.stringify(world.connector.getMessage(message?.id ?? '')?.activity);
    world.sekoia.clearRequests();
    const click = await acknowledge(message?.id ?? '');
    expect(JSON.stringify(click.body)).toMatch(/your Sekoia\.io account lacks the permission/);
    expect(changes().map(keyOf)).toEqual([`Bearer ${READER_KEY}`]);
    expect(world.sekoia.getAlert(alert.uuid)?.status.name).toBe('Pending');
    expect(JSON.stringify(world.connector.getMessage(message?.id ?? '')?.activity)).toBe(before);
    expect(captured.lines.join('\n')).not.toContain(READER_KEY);
  });

  it('answers a refused key with the form again and a reason, storing nothing', async () => {
    const { result } = await link('not-a-key-sekoia-knows-456');
    expect(JSON.stringify(result.body)).toMatch(/did not accept this key/);
    expect(JSON.stringify(result.body)).toContain('identity.link');
    const status = await world.command('link status');
    expect(JSON.stringify(status.map((m) => m.activity))).toMatch(/not linked/);
  });

  it('sends the form straight into the personal chat when link is typed there', async () => {
    const chat = world.connector.personalChat(world.ana.id).id;
    const result = await world.connector.sendMessage({
      botUrl,
      from: world.ana.id,
      conversation: { kind: 'personal', id: chat },
      text: 'link',
    });
    const texts = JSON.stringify(result.replies.map((m) => m.activity));
    expect(texts).toContain('"style":"Password"');
    expect(texts).toMatch(/form above/);
  });

  it('says how to open a chat with the bot when it cannot open one itself, with no form in the channel', async () => {
    world.connector.failNext(1, 403);
    const replies = await world.command('link');
    expect(JSON.stringify(replies.map((m) => m.activity))).toMatch(/Open a chat with the bot yourself/);
    expect(JSON.stringify(world.connector.messages().map((m) => m.activity))).not.toContain('Input.Text');
  });
});
