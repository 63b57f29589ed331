import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MATCHING_PER_DAY,
  MATCHING_TOTAL,
  PREVIEWED_RULE,
  seedWeekOfAlerts,
  sendCreatedWebhooks,
} from './preview-alerts.ts';
import { type MattermostWorld, startMattermostWorld } from './start-mattermost-world.ts';

/** The counts of the chart's lines (`Mon 2026-12-01 ████ 3`), oldest day first. */
const chartCounts = (answer: string) =>
  [...answer.matchAll(/^\w{3} \d{4}-\d{2}-\d{2} █* ?(\d+)$/gm)].map((match) => Number(match[1]));

/** The answer without Mattermost's markdown escapes. */
const plain = (text: string) => text.replaceAll('\\', '');

describe('Mattermost: preview a rule over the last 7 days of alerts, then subscribe it', () => {
  let world: MattermostWorld;

  beforeEach(async () => {
    world = await startMattermostWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it('counts per day exactly the cards the same rule then posts for the same alerts', async () => {
    const sent = seedWeekOfAlerts(world.sekoia, Date.now());

    const answer = plain(await world.command(`preview ${PREVIEWED_RULE}`));
    expect(answer).toMatch(new RegExp(`: ${MATCHING_TOTAL} cards in the last 7 days \\(about 1/day\\)`));
    expect(chartCounts(answer)).toEqual(MATCHING_PER_DAY);
    expect(answer).toMatch(/Busiest day: \w{3} \d{4}-\d{2}-\d{2} \(3\)/);
    expect(answer).toMatch(/Top entities: Lyon HQ \(8\), lyon hq \(1\)/);
    // The listing was asked for the window and the urgency range; the names stay with the matcher.
    const listed = world.sekoia.requests.filter((r) => r.method === 'GET' && r.path === '/v1/sic/alerts');
    expect(listed.length).toBeGreaterThan(0);
    expect(listed[0]?.query).toMatchObject({ 'range[urgency]': '50,100', sort: 'created_at' });
    expect(Object.keys(listed[0]?.query ?? {})).toContain('date[created_at]');
    expect(world.cards()).toHaveLength(0);

    const created = plain(await world.command(`subscribe ${PREVIEWED_RULE} --preview`));
    expect(created).toMatch(/Rule \w+ created: alert-raised/);
    expect(created).toContain(`Preview: ${MATCHING_TOTAL} cards in the last 7 days`);
    expect(chartCounts(created)).toEqual(MATCHING_PER_DAY);

    await sendCreatedWebhooks(world.sekoia, world.bot.webhookUrl, sent);
    await expect.poll(() => world.cards().length, { timeout: 10_000 }).toBe(MATCHING_TOTAL);
    // Settled: no late card.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(world.cards()).toHaveLength(MATCHING_TOTAL);
  });

  it('says why a trigger cannot be previewed, and a plain subscribe reads no alert list', async () => {
    const answer = plain(await world.command('preview report tlp=red'));
    expect(answer).toContain('No preview: only alert rules can be previewed');
    const created = await world.command('subscribe alert-raised urgency>=high');
    expect(created).not.toContain('Preview');
    expect(world.sekoia.requests.filter((r) => r.path === '/v1/sic/alerts')).toHaveLength(0);
  });
});

describe('Mattermost: a preview slower than the slash command deadline', () => {
  let world: MattermostWorld;

  beforeEach(async () => {
    // "Working on it…" after 50 ms; every Sekoia.io answer takes 400 ms.
    world = await startMattermostWorld({ commandDeadlineMs: 50 });
  });
  afterEach(async () => {
    await world.close();
  });

  it('answers "Working on it…" in time, then the preview through response_url', async () => {
    seedWeekOfAlerts(world.sekoia, Date.now());
    world.sekoia.setLatency(400);
    const result = await world.mattermost.sendSlashCommand({
      url: `${world.bot.url}/mattermost/command`,
      channelId: world.channelId,
      userId: world.alice.id,
      text: `preview ${PREVIEWED_RULE}`,
    });
    expect(result.response).toEqual({ response_type: 'ephemeral', text: 'Working on it…' });
    const late = () =>
      world.mattermost
        .ephemerals(world.alice.id)
        .filter((message) => message.source === 'response_url')
        .map((message) => plain(message.text))
        .join('\n');
    await expect.poll(late, { timeout: 5_000 }).toContain(`${MATCHING_TOTAL} cards in the last 7 days`);
    expect(chartCounts(late())).toEqual(MATCHING_PER_DAY);
  });
});
