import { afterEach, describe, expect, it } from 'vitest';
import { buildAlert } from '../fakes/fake-sekoia/index.ts';
import { type MattermostWorld, startMattermostWorld } from './start-mattermost-world.ts';
import { cardContent, startTeamsWorld, type TeamsWorld } from './start-teams-world.ts';

/**
 * Fair, rate-limit-aware delivery against the fake's Mattermost limiter (GCRA, reference
 * mattermost.md §6.7), with the bot told the same limit: a storm in one channel neither starves a
 * quiet channel's first card nor draws 429s, and every card is posted once.
 */
const LIMIT = { perSec: 20, maxBurst: 10 };
const STORM = 30;

describe('fair delivery at the platform’s rate limit', () => {
  let world: MattermostWorld | undefined;

  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it('posts a quiet channel’s first card before most of a storm elsewhere, with no 429 and no duplicate', async () => {
    world = await startMattermostWorld({
      env: { MATTERMOST_RATE_LIMIT: String(LIMIT.perSec), MATTERMOST_RATE_BURST: String(LIMIT.maxBurst) },
      // Few jobs at once, so that what comes last (the quiet alert, the click) is handled while most
      // of the storm's cards still wait for the platform: this test is about the platform side.
      worker: { concurrency: 4 },
    });
    const w = world;
    expect(await w.command('subscribe alert-raised urgency>=high')).toContain('created');
    expect(await w.command('subscribe alert-raised urgency<40', w.otherChannelId)).toContain('created');
    w.mattermost.enableRateLimit(LIMIT);
    w.mattermost.resetRequestStats();

    const urgent = { ...buildAlert().urgency, current_value: 90 };
    const storm = Array.from({ length: STORM }, () => w.sekoia.addAlert({ urgency: urgent }));
    const quiet = w.sekoia.addAlert({ urgency: { ...urgent, current_value: 10 } });
    await w.sekoia.settleWebhooks();
    await expect.poll(() => w.cards().length, { timeout: 15_000, interval: 50 }).toBe(STORM);
    await expect.poll(() => w.cards(w.otherChannelId).length).toBe(1);

    // Every card once, in its channel.
    expect(new Set(w.cards().map((post) => post.props.sekoia_alert_uuid))).toEqual(
      new Set(storm.map((alert) => alert.uuid)),
    );
    expect(w.cardOf(quiet.uuid, w.otherChannelId)).toBeDefined();
    // The quiet card came before most of the storm's (posts are kept in creation order).
    const order = w.mattermost
      .posts()
      .filter((post) => post.root_id === '' && post.props.sekoia_alert_uuid !== undefined)
      .map((post) => post.props.sekoia_alert_uuid);
    expect(order.indexOf(quiet.uuid)).toBeLessThan(STORM / 3);
    // Paced at the limit: at most one refusal.
    expect(w.mattermost.requestStats().rateLimited).toBeLessThanOrEqual(1);
  }, 30_000);
  it('puts a card refresh caused by a click before the storm’s backlog', async () => {
    world = await startMattermostWorld({
      env: { MATTERMOST_RATE_LIMIT: String(LIMIT.perSec), MATTERMOST_RATE_BURST: String(LIMIT.maxBurst) },
      // Few jobs at once, so that what comes last (the quiet alert, the click) is handled while most
      // of the storm's cards still wait for the platform: this test is about the platform side.
      worker: { concurrency: 4 },
    });
    const w = world;
    expect(await w.command('subscribe alert-raised urgency>=high')).toContain('created');
    expect(await w.command('subscribe alert-raised urgency<40', w.otherChannelId)).toContain('created');
    const urgent = { ...buildAlert().urgency, current_value: 90 };
    const quiet = w.sekoia.addAlert({ urgency: { ...urgent, current_value: 10 } });
    await expect.poll(() => w.cardOf(quiet.uuid, w.otherChannelId)).toBeDefined();
    const quietCard = w.cardOf(quiet.uuid, w.otherChannelId)?.id ?? '';
    w.mattermost.enableRateLimit(LIMIT);

    Array.from({ length: STORM }, () => w.sekoia.addAlert({ urgency: urgent }));
    await w.sekoia.settleWebhooks();
    await expect.poll(() => w.cards().length, { interval: 20 }).toBeGreaterThanOrEqual(3);
    const clickedAt = w.mattermost.requests.length;
    const click = await w.mattermost.clickButton({
      postId: quietCard,
      actionId: 'acknowledge',
      userId: w.alice.id,
    });
    expect(click.status).toBe(200);
    await expect.poll(() => w.cards().length, { timeout: 15_000, interval: 50 }).toBe(STORM);

    const after = w.mattermost.requests.slice(clickedAt);
    const refresh = after.findIndex(
      (r) => r.method === 'PUT' && r.path === `/api/v4/posts/${quietCard}/patch`,
    );
    expect(refresh).toBeGreaterThanOrEqual(0);
    const stormPostsBefore = after
      .slice(0, refresh)
      .filter((r) => r.method === 'POST' && r.path === '/api/v4/posts');
    const stormPostsAfter = after
      .slice(refresh)
      .filter((r) => r.method === 'POST' && r.path === '/api/v4/posts');
    // Served next to the few calls already under way, ahead of the storm's remaining cards.
    expect(stormPostsBefore.length).toBeLessThanOrEqual(5);
    expect(stormPostsAfter.length).toBeGreaterThan(STORM / 2);
    expect(w.mattermost.requestStats().rateLimited).toBeLessThanOrEqual(1);
  }, 30_000);
});

describe('fair delivery within Teams’ documented limits', () => {
  let world: TeamsWorld | undefined;

  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it('keeps a busy conversation within its limits without a 429, and another conversation unaffected', async () => {
    world = await startTeamsWorld();
    const w = world;
    expect(JSON.stringify(await w.command('subscribe alert-raised urgency>=high'))).toContain('created');
    expect(JSON.stringify(await w.command('subscribe alert-raised urgency<40', w.otherChannelId))).toContain(
      'created',
    );
    w.connector.enableRateLimit();
    w.connector.resetRequestStats();
    const urgent = { ...buildAlert().urgency, current_value: 90 };
    // Two requests a card: 12 to one conversation, past its 7 a second and 8 in two.
    const storm = Array.from({ length: 6 }, () => w.sekoia.addAlert({ urgency: urgent }));
    const quiet = w.sekoia.addAlert({ urgency: { ...urgent, current_value: 10 } });
    await w.sekoia.settleWebhooks();
    await expect.poll(() => w.cardOf(quiet.short_id, w.otherChannelId), { timeout: 2_000 }).toBeDefined();
    const hasButtons = (shortId: string) =>
      JSON.stringify(cardContent(w.cardOf(shortId)) ?? {}).includes('alert.acknowledge');
    for (const alert of storm)
      await expect.poll(() => hasButtons(alert.short_id), { timeout: 10_000, interval: 50 }).toBe(true);
    expect(w.cards()).toHaveLength(storm.length);
    expect(w.connector.requestStats().rateLimited).toBe(0);
  }, 30_000);
});
