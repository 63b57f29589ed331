import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alertUrgency } from '../fakes/fake-sekoia/index.ts';
import { cardContent, startTeamsWorld, type TeamsWorld } from './start-teams-world.ts';

interface CardAction {
  verb?: string;
  title?: string;
  data?: Record<string, unknown>;
  card?: { actions?: CardAction[] };
}
const otherEntity = { uuid: '0b6f2a90-5b8e-4d7c-9e21-3c4d5e6f7a8b', name: 'Paris DC' };
const actionsOf = (card: Record<string, unknown> | undefined) =>
  (card?.actions as CardAction[] | undefined) ?? [];
const executeData = (card: Record<string, unknown> | undefined, verb: string) => {
  for (const action of actionsOf(card)) {
    if (action.verb === verb) return action.data ?? {};
    const inner = action.card?.actions?.find((a) => a.verb === verb);
    if (inner) return inner.data ?? {};
  }
  return undefined;
};

describe('Microsoft Teams: Why this card? and one-click exclusions', () => {
  let world: TeamsWorld;

  beforeEach(async () => {
    world = await startTeamsWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  const invoke = (activityId: string, verb: string, data: Record<string, unknown> = {}) =>
    world.connector.sendInvoke({
      botUrl: `${world.bot.url}/api/messages`,
      from: world.ana.id,
      activityId,
      verb,
      data,
    });

  const settled = async () => {
    await world.sekoia.settleWebhooks();
    await expect.poll(async () => (await world.bot.app.queue.stats()).pending).toBe(0);
  };

  const postedCard = async () => {
    await world.command('subscribe alert-raised urgency>=high');
    const alert = world.sekoia.addAlert({ urgency: alertUrgency(90) });
    await expect
      .poll(() => executeData(cardContent(world.cardOf(alert.short_id)), 'alert.excludeEntity'))
      .toBeDefined();
    return { alert, message: world.cardOf(alert.short_id) };
  };

  it('keeps Why this card? and the exclusions under More… (at most 6 actions) and answers the clicker only', async () => {
    const { message } = await postedCard();
    const top = actionsOf(cardContent(message));
    expect(top.length).toBeLessThanOrEqual(6);
    expect(top.map((a) => a.verb)).not.toContain('alert.why');
    const before = JSON.stringify(world.connector.getMessage(message?.id ?? '')?.activity);
    const result = await invoke(message?.id ?? '', 'alert.why');
    const [rule] = await world.bot.app.rules.listAll();
    expect(result.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    const answer = JSON.stringify(result.body);
    expect(answer).toContain(`Posted for rule ${rule?.id}`);
    expect(answer).toContain('urgency>=high ← 90 (high)');
    expect(JSON.stringify(world.connector.getMessage(message?.id ?? '')?.activity)).toBe(before);
  });

  it('excludes the entity, announces it with an Undo that restores it; a forged value changes nothing', async () => {
    const { message } = await postedCard();
    const signed = executeData(cardContent(message), 'alert.excludeEntity')?.g as Record<string, unknown>;
    const forged = await invoke(message?.id ?? '', 'alert.excludeEntity', {
      g: { ...signed, x: 'Paris DC' },
    });
    expect((forged.body as { statusCode?: number }).statusCode).toBe(403);
    const [untouched] = await world.bot.app.rules.listAll();
    expect(untouched?.conditions).toHaveLength(1);

    const result = await invoke(message?.id ?? '', 'alert.excludeEntity');
    const [rule] = await world.bot.app.rules.listAll();
    expect(JSON.stringify(result.body)).toContain(
      `Rule ${rule?.id} no longer posts alerts of entity Lyon HQ here.`,
    );
    expect(rule?.conditions.at(-1)).toEqual({ key: 'entity', op: '!=', values: ['Lyon HQ'] });
    const announcement = world.connector
      .messages()
      .find((m) => JSON.stringify(m.activity).includes('excluded entity Lyon HQ'));
    expect(announcement).toBeDefined();
    await expect
      .poll(() => JSON.stringify(world.connector.thread(message?.id ?? '').map((m) => m.activity)))
      .toContain(`Excluded entity Lyon HQ from rule ${rule?.id} by Ana Analyst`);

    const lyon = world.sekoia.addAlert({ urgency: alertUrgency(95) });
    const paris = world.sekoia.addAlert({ urgency: alertUrgency(95), entity: otherEntity });
    await settled();
    expect(world.cardOf(lyon.short_id)).toBeUndefined();
    expect(world.cardOf(paris.short_id)).toBeDefined();

    const undo = await invoke(announcement?.id ?? '', 'alert.undoExclusion');
    expect(JSON.stringify(undo.body)).toContain('posts alerts of entity Lyon HQ here again');
    expect((await world.bot.app.rules.listAll())[0]?.conditions).toHaveLength(1);
    const back = world.sekoia.addAlert({ urgency: alertUrgency(95) });
    await settled();
    expect(world.cardOf(back.short_id)).toBeDefined();
  });
});
