import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activityTexts, postHighUrgencyCard, startTeamsWorld, type TeamsWorld } from './start-teams-world.ts';

/**
 * Issue 14 point 1, on Teams through the fake Bot Connector: the clicker's `userRole` from the member
 * API (reference teams.md §3.4). Channel owners are not reachable without Microsoft Graph, so the
 * level cannot be set to admins there and stays everyone.
 */
describe('who may act on Teams', () => {
  let world: TeamsWorld;
  let botUrl: string;

  beforeEach(async () => {
    world = await startTeamsWorld();
    botUrl = world.messagesUrl;
  });
  afterEach(async () => {
    await world.close();
  });

  const postedCard = () => postHighUrgencyCard(world, 'alert.acknowledge');
  const changes = () => world.sekoia.requests.filter((r) => r.method !== 'GET');
  const commandAs = async (from: string, text: string) => {
    const result = await world.connector.sendMessage({
      botUrl,
      from,
      conversation: { kind: 'channel', teamId: world.teamId, channelId: world.channelId },
      text,
    });
    return activityTexts(result.replies);
  };

  it('refuses a guest’s click with an error card and sends nothing to Sekoia.io; a member still acts', async () => {
    const { alert, messageId } = await postedCard();
    const guest = world.connector.addUser({ name: 'Gus Guest', userRole: 'guest' });
    const before = JSON.stringify(world.connector.getMessage(messageId)?.activity);
    for (const [verb, data] of [
      ['alert.acknowledge', {}],
      ['alert.comment', { comment: 'let me in' }],
      ['alert.urgency', { urgency: '100', reason: 'let me in' }],
      ['alert.mute', {}],
    ] as const) {
      const refused = await world.connector.sendInvoke({
        botUrl,
        from: guest.id,
        activityId: messageId,
        verb,
        data,
      });
      expect(refused.status, verb).toBe(200);
      expect(JSON.stringify(refused.body), verb).toContain('Guests cannot act on alerts.');
    }
    expect(changes()).toEqual([]);
    expect(JSON.stringify(world.connector.getMessage(messageId)?.activity)).toBe(before);
    expect(world.connector.thread(messageId)).toEqual([]);

    const accepted = await world.connector.sendInvoke({
      botUrl,
      from: world.ana.id,
      activityId: messageId,
      verb: 'alert.acknowledge',
      data: {},
    });
    expect(accepted.body).toMatchObject({ statusCode: 200 });
    expect(world.sekoia.getAlert(alert.uuid)?.status.name).toBe('Acknowledged');
  });

  it('refuses access groups, saying it needs Microsoft Graph, and keeps the level', async () => {
    const answer = await commandAs(world.ana.id, 'access groups @secops,@soc-leads');
    expect(answer).toContain(
      'access groups is not available on Teams yet: who is in a group takes Microsoft Graph, which this bot does not use yet.',
    );
    expect(await commandAs(world.ana.id, 'access')).toContain('Access in this channel: everyone');
    // Nothing announced in the channel: nothing changed.
    expect(activityTexts(world.connector.messages())).not.toContain('set who may act');
  });

  it('refuses a guest’s subscribe and leaves rules open to them', async () => {
    const guest = world.connector.addUser({ name: 'Gus Guest', userRole: 'guest' });
    expect(await commandAs(guest.id, 'subscribe alert-raised')).toContain(
      "Guests cannot change this channel's rules and settings.",
    );
    expect(await commandAs(guest.id, 'rules')).toContain('No rules in this channel yet.');
    expect(await world.bot.app.rules.listAll()).toEqual([]);
  });

  it('answers access admins with "not available yet" and keeps everyone', async () => {
    const answer = JSON.stringify(await world.command('access admins'));
    expect(answer).toContain('Access cannot be changed here yet');
    expect(answer).toContain('access stays everyone');
    expect(JSON.stringify(await world.command('access'))).toContain('Access in this channel: everyone');
    expect(JSON.stringify(await world.command('subscribe alert-raised'))).toMatch(/Rule \w+ created/);
  });

  it('refuses a click when the Bot Connector cannot say who the clicker is', async () => {
    const { messageId } = await postedCard();
    const other = world.connector.addUser({ name: 'Olga Other' });
    world.connector.failNext(1, 503);
    const refused = await world.connector.sendInvoke({
      botUrl,
      from: other.id,
      activityId: messageId,
      verb: 'alert.acknowledge',
      data: {},
    });
    expect(JSON.stringify(refused.body)).toMatch(/Could not check your role in this channel/);
    expect(changes()).toEqual([]);
  });
});
