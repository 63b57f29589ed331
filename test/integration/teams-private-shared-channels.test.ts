import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeTeamsChannel } from '../fakes/fake-bot-connector/index.ts';
import { alertUrgency } from '../fakes/fake-sekoia/index.ts';
import { activityTexts, cardContent, startTeamsWorld, type TeamsWorld } from './start-teams-world.ts';

/**
 * Issue 14 point 7: the bot in Teams private and shared channels, through the fake Bot Connector
 * with the shapes of learn.microsoft.com/microsoftteams/platform/build-apps-for-shared-private-channels:
 * the app added per channel (`channelMemberAdded`), `channelData.channel.type`, a roster of its own,
 * members from other teams and tenants.
 */
describe('Teams private and shared channels', () => {
  let world: TeamsWorld;
  let botUrl: string;

  beforeEach(async () => {
    world = await startTeamsWorld();
    botUrl = world.messagesUrl;
  });
  afterEach(async () => {
    await world.close();
  });

  const changes = () => world.sekoia.requests.filter((r) => r.method !== 'GET');
  const say = async (from: string, channel: FakeTeamsChannel, text: string) => {
    const conversation = { kind: 'channel' as const, teamId: world.teamId, channelId: channel.id };
    return world.connector.sendMessage({ botUrl, from, conversation, text });
  };
  const click = (from: string, activityId: string, verb = 'alert.acknowledge') =>
    world.connector.sendInvoke({ botUrl, from, activityId, verb, data: {} });

  /** Adds the app to the channel, subscribes there, raises an alert; the card posted into that channel. */
  const cardIn = async (channel: FakeTeamsChannel) => {
    expect((await world.connector.sendChannelInstall({ botUrl, channelId: channel.id })).status).toBe(200);
    expect(activityTexts(await world.command('subscribe alert-raised urgency>=high', channel.id))).toMatch(
      /Rule \w+ created/,
    );
    const alert = world.sekoia.addAlert({ urgency: alertUrgency(90) });
    await expect
      .poll(() => JSON.stringify(cardContent(world.cardOf(alert.short_id, channel.id)) ?? {}))
      .toContain('alert.acknowledge');
    const message = world.cardOf(alert.short_id, channel.id);
    expect(message?.conversationId).toBe(`${channel.id};messageid=${message?.id}`);
    return { alert, messageId: message?.id ?? '' };
  };

  it('works in a private channel once the app is added there: subscribe, card, update, clicks', async () => {
    const vip = world.connector.addChannel({
      teamId: world.teamId,
      name: 'soc-vip',
      membershipType: 'private',
      members: [world.ana.id],
    });
    // Installed in the team, not yet in the channel: Teams does not even hand the mention over.
    expect((await say(world.ana.id, vip, 'subscribe alert-raised')).delivered).toBe(false);

    const { alert, messageId } = await cardIn(vip);
    expect(world.cards(world.channelId)).toHaveLength(0);
    world.sekoia.updateAlert(alert.uuid, { statusName: 'Acknowledged' });
    await expect
      .poll(() => JSON.stringify(cardContent(world.cardOf(alert.short_id, vip.id))))
      .toContain('Acknowledged');
    expect(world.cardOf(alert.short_id, vip.id)?.id).toBe(messageId);

    const guest = world.connector.addUser({ name: 'Gus Guest', userRole: 'guest' });
    world.connector.addChannelMember(vip.id, guest.id);
    const before = changes().length;
    expect(JSON.stringify((await click(guest.id, messageId, 'alert.validate')).body)).toContain(
      'Guests cannot act on alerts.',
    );
    expect(changes()).toHaveLength(before);
    const accepted = await click(world.ana.id, messageId, 'alert.validate');
    expect(accepted.body).toMatchObject({ statusCode: 200 });
    await expect.poll(() => changes().length).toBeGreaterThan(before);
  });

  it('asks a shared channel’s own roster: a member from another team acts, an external user does not', async () => {
    world.connector.addTeamMember(world.teamId, world.ana.id);
    const paul = world.connector.addUser({ name: 'Paul Partner' });
    const eve = world.connector.addUser({ name: 'Eve External', tenantId: 'tenant-2' });
    const partners = world.connector.addChannel({
      teamId: world.teamId,
      name: 'partners',
      membershipType: 'shared',
      members: [world.ana.id, paul.id, eve.id],
    });
    const { alert, messageId } = await cardIn(partners);

    const refused = await click(eve.id, messageId);
    expect(JSON.stringify(refused.body)).toContain('Guests cannot act on alerts.');
    expect(changes()).toEqual([]);
    expect(activityTexts((await say(eve.id, partners, 'subscribe alert-raised')).replies)).toContain(
      "Guests cannot change this channel's rules and settings.",
    );

    // Paul is not on the host team: asking the team would not find him.
    const accepted = await click(paul.id, messageId);
    expect(accepted.body).toMatchObject({ statusCode: 200 });
    expect(world.sekoia.getAlert(alert.uuid)?.status.name).toBe('Acknowledged');
    await expect
      .poll(() => JSON.stringify(cardContent(world.cardOf(alert.short_id, partners.id))))
      .toContain('Acknowledged');
  });
});
