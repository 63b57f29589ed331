import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeTeamsMessage } from '../fakes/fake-bot-connector/index.ts';
import { alertUrgency } from '../fakes/fake-sekoia/index.ts';
import { cardContent, startTeamsWorld, type TeamsWorld } from './start-teams-world.ts';

const textOf = (messages: FakeTeamsMessage[]) => JSON.stringify(messages.map((m) => m.activity));

describe('Microsoft Teams: a rule that notifies (--notify) people and tags picked from the @ list', () => {
  let world: TeamsWorld;
  let alice: { id: string; name: string };
  let tag: { id: string; name: string };

  beforeEach(async () => {
    world = await startTeamsWorld();
    alice = world.connector.addUser({ name: 'Alice Martin' });
    world.connector.addTeamMember(world.teamId, alice.id);
    tag = world.connector.addTag({ teamId: world.teamId, name: 'SOC Oncall', members: [alice.id] });
  });
  afterEach(async () => {
    await world.close();
  });

  const subscribe = async () => {
    const replies = await world.command(
      'subscribe alert-raised --notify @Alice Martin, @SOC Oncall --notify-urgency high',
      world.channelId,
      [alice.id, tag.id],
    );
    const ruleId = /Rule (\w+) created/.exec(textOf(replies))?.[1];
    expect(ruleId, textOf(replies)).toBeDefined();
    return ruleId ?? '';
  };

  it('pings Alice and the tag on a new high card, once: not on its update, not on a medium card', async () => {
    const ruleId = await subscribe();
    const listed = textOf(await world.command('rules'));
    expect(listed).toContain(`${ruleId}`);
    expect(listed).toContain('notifies @\u2060Alice Martin, @\u2060SOC Oncall at high+');

    const high = world.sekoia.addAlert({ urgency: alertUrgency(90) });
    await expect.poll(() => world.cardOf(high.short_id)).toBeDefined();
    const card = world.cardOf(high.short_id);
    expect(card?.pinged).toEqual([alice.id, tag.id]);
    expect(card?.unmatchedMentions).toEqual([]);
    expect(cardContent(card)?.msteams).toMatchObject({
      entities: [
        { type: 'mention', text: '<at>Alice Martin</at>', mentioned: { id: alice.id, name: 'Alice Martin' } },
        { type: 'mention', text: '<at>SOC Oncall</at>', mentioned: { id: tag.id, type: 'tag' } },
      ],
    });

    world.sekoia.updateAlert(high.uuid, { statusName: 'Acknowledged' });
    await expect
      .poll(() => JSON.stringify(cardContent(world.cardOf(high.short_id))))
      .toContain('Acknowledged');
    const updated = world.connector.getMessage(card?.id ?? '');
    expect(updated?.versions.length).toBeGreaterThan(1);
    // The update shows the same mentions (fixed on the card's record) but an edit pings nobody.
    expect(JSON.stringify(cardContent(updated))).toContain('<at>Alice Martin</at>');

    const medium = world.sekoia.addAlert({ urgency: alertUrgency(50) });
    await expect.poll(() => world.cardOf(medium.short_id)).toBeDefined();
    expect(world.cardOf(medium.short_id)?.pinged).toEqual([]);
    expect(JSON.stringify(cardContent(world.cardOf(medium.short_id)))).not.toContain('<at>');
    expect(world.connector.pings().map((ping) => ping.ids)).toEqual([[alice.id, tag.id]]);
  });

  it('refuses a --notify name typed as plain text, and stores no rule', async () => {
    const replies = await world.command('subscribe alert-raised --notify @Alice Martin');
    // Shown escaped (a joiner after each @): "…is plain text: type @ and pick … from the @ list…".
    expect(textOf(replies)).toMatch(
      /--notify \\"@\u2060Alice Martin\\" is plain text: .*pick the person or tag from the @\u2060 list so Teams knows who/,
    );
    expect(textOf(await world.command('rules'))).toContain('No rules in this channel yet');
  });

  it('shows alert content that spells <at>Alice Martin</at> escaped: it pings nobody', async () => {
    await subscribe();
    // The rule, read back from the store after a restart, still knows whom to ping by id.
    await world.restart();
    const title = '<at>Alice Martin</at> <at>SOC Oncall</at> hostile';
    const medium = world.sekoia.addAlert({ title, urgency: alertUrgency(50) });
    const high = world.sekoia.addAlert({ title, urgency: alertUrgency(95) });
    await expect.poll(() => world.cards().length).toBe(2);
    const quiet = world.cardOf(medium.short_id);
    expect(quiet?.pinged).toEqual([]);
    expect(quiet?.unmatchedMentions).toEqual([]);
    expect(JSON.stringify(cardContent(quiet))).toContain('Alice Martin');
    expect(JSON.stringify(cardContent(quiet))).not.toContain('<at>');
    // On the high card only the rule's own mentions form an <at>: the title's stay text.
    const loud = world.cardOf(high.short_id);
    expect(loud?.pinged).toEqual([alice.id, tag.id]);
    expect(JSON.stringify(cardContent(loud)).match(/<at>/g)).toHaveLength(4);
    expect(world.connector.pings()).toHaveLength(1);
  });
});
