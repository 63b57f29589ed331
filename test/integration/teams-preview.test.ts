import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MATCHING_PER_DAY,
  MATCHING_TOTAL,
  PREVIEWED_RULE,
  seedWeekOfAlerts,
  sendCreatedWebhooks,
} from './preview-alerts.ts';
import { cardContent, startTeamsWorld, type TeamsWorld } from './start-teams-world.ts';

interface CardElement {
  type: string;
  text?: string;
  facts?: { title: string; value: string }[];
}

const bodyOf = (card: Record<string, unknown> | undefined) => (card?.body as CardElement[] | undefined) ?? [];
/** The reply card's chart: a FactSet of `day → ██ count`, the counts oldest day first. */
const chartOf = (card: Record<string, unknown> | undefined) =>
  bodyOf(card).find((element) => element.type === 'FactSet')?.facts ?? [];
const countsOf = (card: Record<string, unknown> | undefined) =>
  chartOf(card).map((fact) => Number(/(\d+)$/.exec(fact.value)?.[1]));
const textOf = (card: Record<string, unknown> | undefined) =>
  bodyOf(card)
    .map((element) => element.text ?? '')
    .join('\n')
    .replaceAll('\\', '');

describe('Teams: preview a rule over the last 7 days of alerts, then subscribe it', () => {
  let world: TeamsWorld;

  beforeEach(async () => {
    world = await startTeamsWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it('answers a chart-like FactSet whose figures are the cards the same rule then posts', async () => {
    const sent = seedWeekOfAlerts(world.sekoia, Date.now());

    const [reply] = await world.command(`preview ${PREVIEWED_RULE}`);
    const card = cardContent(reply);
    expect(textOf(card)).toContain(`${MATCHING_TOTAL} cards in the last 7 days (about 1/day)`);
    expect(countsOf(card)).toEqual(MATCHING_PER_DAY);
    expect(chartOf(card)[0]).toMatchObject({ title: expect.stringMatching(/^\w{3} \d{4}-\d{2}-\d{2}$/) });
    expect(chartOf(card)[0]?.value).toMatch(/^█+ 3$/);
    expect(textOf(card)).toMatch(/Top entities: Lyon HQ \(8\), lyon hq \(1\)/);

    const replies = await world.command(`subscribe ${PREVIEWED_RULE} --preview`);
    // The reply card in Ana's thread (the channel's announcement is a text message).
    const confirmation = replies.map(cardContent).find((content) => content !== undefined);
    expect(textOf(confirmation)).toMatch(/Rule \w+ created: alert-raised/);
    expect(textOf(confirmation)).toContain(`Preview: ${MATCHING_TOTAL} cards in the last 7 days`);
    expect(countsOf(confirmation)).toEqual(MATCHING_PER_DAY);

    await sendCreatedWebhooks(world.sekoia, world.bot.webhookUrl, sent);
    await expect.poll(() => world.cards().length, { timeout: 10_000 }).toBe(MATCHING_TOTAL);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(world.cards()).toHaveLength(MATCHING_TOTAL);
  });
});
