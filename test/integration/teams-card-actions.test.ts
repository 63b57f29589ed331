import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alertUrgency } from '../fakes/fake-sekoia/index.ts';
import {
  activityTexts,
  cardContent,
  postHighUrgencyCard,
  startTeamsWorld,
  type TeamsWorld,
} from './start-teams-world.ts';

describe('Teams card actions and conversations beyond the happy path', () => {
  let world: TeamsWorld;
  let botUrl: string;

  beforeEach(async () => {
    world = await startTeamsWorld();
    botUrl = world.messagesUrl;
  });
  afterEach(async () => {
    await world.close();
  });

  const postedCard = () => postHighUrgencyCard(world, 'alert.comment');

  it('comments from the card: Sekoia.io gets the comment with the Teams user as author, the thread notes it', async () => {
    const { alert, message } = await postedCard();
    const empty = await world.connector.sendInvoke({
      botUrl,
      from: world.ana.id,
      activityId: message?.id ?? '',
      verb: 'alert.comment',
      data: { comment: '  ' },
    });
    expect(JSON.stringify(empty.body)).toMatch(/1 to 2000/);
    const done = await world.connector.sendInvoke({
      botUrl,
      from: world.ana.id,
      activityId: message?.id ?? '',
      verb: 'alert.comment',
      data: { comment: 'Host isolated' },
    });
    expect(done.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect((world.sekoia.getAlert(alert.uuid)?.comments ?? []).map((c) => [c.content, c.author])).toEqual([
      ['Host isolated', 'Microsoft Teams: Ana Analyst'],
    ]);
    expect(activityTexts(world.connector.thread(message?.id ?? ''))).toContain('Host isolated');
  });

  it('mutes the rule for an hour from the card, announced in the channel', async () => {
    const { message } = await postedCard();
    const result = await world.connector.sendInvoke({
      botUrl,
      from: world.ana.id,
      activityId: message?.id ?? '',
      verb: 'alert.mute',
      data: {},
    });
    expect(result.body).toMatchObject({ statusCode: 200 });
    const [rule] = await world.bot.app.rules.listAll();
    expect(rule?.mute?.by.name).toBe('Ana Analyst');
    expect(activityTexts(world.connector.messages(world.channelId))).toMatch(/muted rule/);
  });

  it('answers the clicker with an error card when Sekoia.io is down, and leaves the shared card as it was', async () => {
    const { message } = await postedCard();
    const before = JSON.stringify(world.connector.getMessage(message?.id ?? '')?.activity);
    world.sekoia.setDown(true);
    const result = await world.connector.sendInvoke({
      botUrl,
      from: world.ana.id,
      activityId: message?.id ?? '',
      verb: 'alert.acknowledge',
      data: {},
    });
    world.sekoia.setDown(false);
    expect(result.status).toBe(200);
    expect(JSON.stringify(result.body)).toMatch(/Could not acknowledge/);
    expect(JSON.stringify(world.connector.getMessage(message?.id ?? '')?.activity)).toBe(before);
  });

  it('takes commands in group and personal chats and keeps rules to their conversation', async () => {
    const chat = world.connector.addGroupChat({ members: [world.ana.id] });
    const inChat = await world.connector.sendMessage({
      botUrl,
      from: world.ana.id,
      conversation: { kind: 'groupChat', id: chat.id },
      text: 'subscribe alert-raised urgency>=high',
    });
    const ruleId = /Rule (\w+) created/.exec(activityTexts(inChat.replies))?.[1] ?? '';
    expect(ruleId).not.toBe('');
    const personal = world.connector.personalChat(world.ana.id);
    const elsewhere = await world.connector.sendMessage({
      botUrl,
      from: world.ana.id,
      conversation: { kind: 'personal', id: personal.id },
      text: `unsubscribe ${ruleId}`,
    });
    expect(activityTexts(elsewhere.replies)).toMatch(/no rule/);
    const alert = world.sekoia.addAlert({ urgency: alertUrgency(88) });
    await expect
      .poll(() =>
        world.connector.messages(chat.id).some((m) => JSON.stringify(m.activity).includes(alert.short_id)),
      )
      .toBe(true);
  });

  it('retries a 429 without Retry-After and a 502 through the queue, posting one card', async () => {
    await world.command('subscribe alert-raised urgency>=high');
    world.connector.rateLimitNext(2);
    world.connector.failNext(1, 502);
    const alert = world.sekoia.addAlert({ urgency: alertUrgency(91) });
    await expect
      .poll(() => JSON.stringify(cardContent(world.cardOf(alert.short_id)) ?? {}), { timeout: 10_000 })
      .toContain('alert.acknowledge');
    expect(world.cards()).toHaveLength(1);
  });

  it('answers help with a card listing every command', async () => {
    const replies = await world.command('help');
    const text = activityTexts(replies);
    for (const name of ['subscribe', 'rules', 'unsubscribe', 'mute', 'unmute', 'status'])
      expect(text).toContain(name);
    expect(JSON.stringify(replies[0]?.activity)).toContain('AdaptiveCard');
  });
});
