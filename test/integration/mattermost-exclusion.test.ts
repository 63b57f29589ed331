import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alertUrgency } from '../fakes/fake-sekoia/index.ts';
import { type MattermostWorld, startMattermostWorld } from './start-mattermost-world.ts';

const otherEntity = { uuid: '0b6f2a90-5b8e-4d7c-9e21-3c4d5e6f7a8b', name: 'Paris DC' };

describe('Mattermost: Why this card? and one-click exclusions', () => {
  let world: MattermostWorld;

  beforeEach(async () => {
    world = await startMattermostWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  const settled = async () => {
    await world.sekoia.settleWebhooks();
    await expect.poll(async () => (await world.bot.app.queue.stats()).pending).toBe(0);
  };

  const postedCard = async () => {
    await world.command('subscribe alert-raised urgency>=high --name Lyon');
    const alert = world.sekoia.addAlert({ urgency: alertUrgency(90) });
    await expect
      .poll(() => JSON.stringify(world.cardOf(alert.uuid)?.props ?? {}))
      .toContain('"excludeEntity"');
    return { alert, postId: world.cardOf(alert.uuid)?.id ?? '' };
  };

  it('explains the card to the clicker only, condition by condition, and leaves the card as it was', async () => {
    const { postId } = await postedCard();
    const before = JSON.stringify(world.mattermost.getPost(postId)?.props);
    const posts = world.mattermost.posts(world.channelId).length;
    const result = await world.mattermost.clickButton({ postId, actionId: 'why', userId: world.alice.id });
    const [rule] = await world.bot.app.rules.listAll();
    expect(result.ephemeralText).toContain(`Posted for rule ${rule?.id} (Lyon) — alert-raised urgency>=high`);
    expect(result.ephemeralText).toContain('urgency>=high ← 90 (high)');
    expect(result.ephemeralText).toContain('"Not here: exclude this entity" adds entity!=Lyon HQ');
    expect(JSON.stringify(world.mattermost.getPost(postId)?.props)).toBe(before);
    expect(world.mattermost.posts(world.channelId)).toHaveLength(posts);
  });

  it('escapes what the answer quotes from the alert: no mention, link or markup reaches the clicker', async () => {
    await world.command('subscribe alert-raised urgency>=high');
    const hostile = { uuid: otherEntity.uuid, name: '@channel [win](http://evil.example) **x**' };
    const alert = world.sekoia.addAlert({ urgency: alertUrgency(90), entity: hostile });
    await expect.poll(() => world.cardOf(alert.uuid)?.id).toBeDefined();
    const postId = world.cardOf(alert.uuid)?.id ?? '';
    const result = await world.mattermost.clickButton({ postId, actionId: 'why', userId: world.alice.id });
    // Read as the clicker reads it, the entity is there word for word …
    expect(result.ephemeralText).toContain(hostile.name);
    // … and the markdown sent holds it inert (fake-mattermost records what the bot sent).
    const sent = world.mattermost.ephemerals(world.alice.id).at(-1)?.text ?? '';
    expect(sent).not.toContain('@channel');
    expect(sent).not.toContain('[win](');
    expect(sent).not.toContain('**x**');
  });

  it('excludes the entity from the rule, announces it with an Undo that restores it', async () => {
    const { postId } = await postedCard();
    const result = await world.mattermost.clickButton({
      postId,
      actionId: 'excludeEntity',
      userId: world.alice.id,
    });
    const [rule] = await world.bot.app.rules.listAll();
    expect(result.ephemeralText).toBe(`Rule ${rule?.id} no longer posts alerts of entity Lyon HQ here.`);
    expect(rule?.conditions.at(-1)).toEqual({ key: 'entity', op: '!=', values: ['Lyon HQ'] });
    const announcement = world.mattermost.posts(world.channelId).find((p) => p.message.includes('excluded'));
    expect(announcement?.message).toMatch(/alice excluded entity Lyon HQ from rule/);
    expect(world.mattermost.thread(postId).at(-1)?.message).toBe(
      `Excluded entity Lyon HQ from rule ${rule?.id} by alice`,
    );

    const lyon = world.sekoia.addAlert({ urgency: alertUrgency(95) });
    const paris = world.sekoia.addAlert({ urgency: alertUrgency(95), entity: otherEntity });
    await settled();
    expect(world.cardOf(lyon.uuid)).toBeUndefined();
    expect(world.cardOf(paris.uuid)).toBeDefined();

    const undo = await world.mattermost.clickButton({
      postId: announcement?.id ?? '',
      actionId: 'undoExclusion',
      userId: world.alice.id,
    });
    expect(undo.ephemeralText).toMatch(/posts alerts of entity Lyon HQ here again/);
    expect((await world.bot.app.rules.listAll())[0]?.conditions).toEqual(rule?.conditions.slice(0, -1));
    const again = await world.mattermost.clickButton({
      postId: announcement?.id ?? '',
      actionId: 'undoExclusion',
      userId: world.alice.id,
    });
    expect(again.ephemeralText).toMatch(/does not exclude entity Lyon HQ any more; nothing to undo/);
    const back = world.sekoia.addAlert({ urgency: alertUrgency(95) });
    await settled();
    expect(world.cardOf(back.uuid)).toBeDefined();
  });

  it('refuses an exclusion from someone who may not act, and a forged value, changing nothing', async () => {
    const { postId } = await postedCard();
    const guest = world.mattermost.addUser({ username: 'gina', roles: 'system_guest' });
    world.mattermost.addMember(world.channelId, guest.id);
    const [before] = await world.bot.app.rules.listAll();
    const refused = await world.mattermost.clickButton({
      postId,
      actionId: 'excludeEntity',
      userId: guest.id,
    });
    expect(refused.ephemeralText).toMatch(/act on alerts/);

    // The value is signed: a context with another entity is refused before anything runs.
    const action = (
      (world.mattermost.getPost(postId)?.props.attachments ?? []) as {
        actions: { id: string; integration: { context: Record<string, unknown> } }[];
      }[]
    )[0]?.actions.find((a) => a.id === 'excludeEntity');
    const forged = { ...action?.integration.context, x: 'Paris DC' };
    const response = await fetch(`${world.bot.url}/mattermost/actions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        user_id: world.alice.id,
        channel_id: world.channelId,
        post_id: postId,
        context: forged,
      }),
    });
    expect(((await response.json()) as { ephemeral_text?: string }).ephemeral_text).toMatch(/not valid here/);
    expect((await world.bot.app.rules.listAll())[0]?.conditions).toEqual(before?.conditions);
  });

  it('refuses an Undo copied to another channel (a rule of another channel)', async () => {
    const { postId } = await postedCard();
    await world.mattermost.clickButton({ postId, actionId: 'excludeEntity', userId: world.alice.id });
    const announcement = world.mattermost.posts(world.channelId).find((p) => p.message.includes('excluded'));
    const context = (
      (announcement?.props.attachments ?? []) as { actions: { integration: { context: unknown } }[] }[]
    )[0]?.actions[0]?.integration.context;
    const response = await fetch(`${world.bot.url}/mattermost/actions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        user_id: world.alice.id,
        channel_id: world.otherChannelId,
        post_id: announcement?.id,
        context,
      }),
    });
    expect(((await response.json()) as { ephemeral_text?: string }).ephemeral_text).toMatch(/not valid here/);
    expect((await world.bot.app.rules.listAll())[0]?.conditions.at(-1)?.op).toBe('!=');
  });
});
