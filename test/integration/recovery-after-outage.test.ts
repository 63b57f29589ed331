import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import {
  buildAlert,
  buildAlertWebhook,
  type FakeSekoia,
  startFakeSekoia,
} from '../fakes/fake-sekoia/index.ts';
import { postJson, startBot, type TestBot } from './start-bot.ts';
import { type MattermostWorld, startMattermostWorld } from './start-mattermost-world.ts';
import { startTeamsWorld, type TeamsWorld } from './start-teams-world.ts';

/**
 * Recovery that notices: work that failed on an outage of Sekoia.io or of the chat platform runs
 * again at the dependency's first success, not when its backoff ends. The backoff here is 30 s
 * (random 0: half the 60 s ceiling), far beyond what each test waits for.
 */
const LONG_BACKOFF = { pollMs: 50, backoffBaseMs: 120_000 };
const PROMPTLY = { timeout: 5_000, interval: 50 };

const retries = async (app: App) =>
  (await app.metrics.jobRetries.get()).values.reduce((sum, each) => sum + each.value, 0);

describe('recovery after an outage', () => {
  let world: MattermostWorld | undefined;
  let teams: TeamsWorld | undefined;
  let sekoia: FakeSekoia | undefined;
  let bot: TestBot | undefined;

  afterEach(async () => {
    await world?.close();
    await teams?.close();
    teams = undefined;
    await bot?.stop();
    await sekoia?.close();
    world = undefined;
    bot = undefined;
    sekoia = undefined;
  });

  it('posts the cards that waited for Mattermost as soon as one request to it succeeds again', async () => {
    world = await startMattermostWorld({ worker: LONG_BACKOFF });
    const w = world;
    expect(await w.command('subscribe alert-raised urgency>=high')).toContain('created');
    const urgency = { ...buildAlert().urgency, current_value: 90 };

    w.mattermost.setDown(true);
    const waiting = [w.sekoia.addAlert({ urgency }), w.sekoia.addAlert({ urgency })];
    await w.sekoia.settleWebhooks();
    await expect.poll(() => retries(w.bot.app), PROMPTLY).toBeGreaterThanOrEqual(waiting.length);
    expect(w.cards()).toHaveLength(0);

    w.mattermost.setDown(false);
    // The first success after the outage: a new alert's card goes through…
    const fresh = w.sekoia.addAlert({ urgency });
    await expect.poll(() => w.cardOf(fresh.uuid), PROMPTLY).toBeDefined();
    // …and the cards that waited out the outage follow at once, not 30 s later.
    for (const alert of waiting) await expect.poll(() => w.cardOf(alert.uuid), PROMPTLY).toBeDefined();
    expect(w.cards()).toHaveLength(3);
  });

  it('posts the cards that waited for Teams as soon as one request to the Bot Connector succeeds again', async () => {
    teams = await startTeamsWorld({ worker: LONG_BACKOFF });
    const w = teams;
    expect(JSON.stringify(await w.command('subscribe alert-raised urgency>=high'))).toContain('created');
    const urgency = { ...buildAlert().urgency, current_value: 90 };

    w.connector.setDown(true);
    const waiting = [w.sekoia.addAlert({ urgency }), w.sekoia.addAlert({ urgency })];
    await w.sekoia.settleWebhooks();
    await expect.poll(() => retries(w.bot.app), PROMPTLY).toBeGreaterThanOrEqual(waiting.length);
    expect(w.cards()).toHaveLength(0);

    w.connector.setDown(false);
    const fresh = w.sekoia.addAlert({ urgency });
    await expect.poll(() => w.cardOf(fresh.short_id), PROMPTLY).toBeDefined();
    for (const alert of waiting) await expect.poll(() => w.cardOf(alert.short_id), PROMPTLY).toBeDefined();
    expect(w.cards()).toHaveLength(3);
  });

  it('handles the events that waited for Sekoia.io as soon as one request to it succeeds again', async () => {
    sekoia = await startFakeSekoia({});
    const s = sekoia;
    bot = await startBot({
      env: { SEKOIA_API_URL: s.url, SEKOIA_API_KEY: s.apiKey },
      worker: { ...LONG_BACKOFF, enrichAttempts: 1_000 },
    });
    const b = bot;
    s.setDown(true);
    const waiting = [s.addAlert({}), s.addAlert({})];
    for (const alert of waiting)
      expect((await postJson(b.webhookUrl, buildAlertWebhook({ alert, action: 'created' }))).status).toBe(
        202,
      );
    await expect.poll(() => retries(b.app), PROMPTLY).toBeGreaterThanOrEqual(waiting.length);
    expect(b.delivery.delivered).toEqual([]);

    s.setDown(false);
    const fresh = s.addAlert({});
    await postJson(b.webhookUrl, buildAlertWebhook({ alert: fresh, action: 'created' }));
    await expect.poll(() => b.delivery.delivered.length, PROMPTLY).toBe(3);
    const uuids = b.delivery.delivered.map((each) => ('alert' in each ? each.alert.uuid : ''));
    expect(uuids.sort()).toEqual([fresh, ...waiting].map((alert) => alert.uuid).sort());
  });
});
