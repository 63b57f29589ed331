import { createRequire } from 'node:module';
import type * as AdaptiveCards from 'adaptivecards';
import { describe, expect, it } from 'vitest';
import { MAX_CARD_CHARS } from '../../../src/platforms/teams/render-alert-card.ts';
import { TEAMS_MAX_ACTIONS } from '../../../src/platforms/teams/render-card-actions.ts';
import { renderRollupCard } from '../../../src/platforms/teams/render-rollup-card.ts';
import { hostileAlert, rollupCard } from '../rollup-fixtures.ts';
import { HOSTILE, liveMarkup, strings } from './teams-card-fixtures.ts';

// As in validate-cards.test.ts: the UMD bundle loads without a DOM (reference §5.6, §8.5).
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCards;

function libraryEvents(json: object): string[] {
  const card = new AC.AdaptiveCard();
  card.hostConfig = new AC.HostConfig({ actions: { maxActions: TEAMS_MAX_ACTIONS } });
  const context = new AC.SerializationContext();
  card.parse(json, context);
  const events: string[] = [];
  for (let i = 0; i < context.eventCount; i += 1) events.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of card.validateProperties().validationEvents) events.push(`validate: ${event.message}`);
  return events;
}

describe('renderRollupCard', () => {
  it('shows the title in a toned container, the counts as facts and linked alert lines, no buttons', () => {
    const out = renderRollupCard(rollupCard(7));
    const json = JSON.stringify(out).replaceAll('\u2060', '');
    expect(out.body[0]).toMatchObject({ type: 'Container', style: 'warning' });
    expect(json).toContain('Alert storm: 7 alerts since 14:02 UTC');
    expect(json).toContain(
      '[AL7](https://app.sekoia.io/operations/alerts/AL7) Alert number 7 — low 17 · Pending',
    );
    expect(out.actions).toEqual([]);
    expect(renderRollupCard(rollupCard(7, undefined, { closed: true })).body[0]).toMatchObject({
      style: 'good',
    });
  });

  it('leaves no live mention, link, tag or entity in any string of the card', () => {
    const out = renderRollupCard(
      rollupCard(6, (alert) => ({ ...hostileAlert(alert, HOSTILE), link: 'javascript:alert(1)' })),
    );
    for (const [path, value] of strings(out).filter(([p]) => p !== '$.$schema')) {
      expect(liveMarkup(value), `${path}: ${value}`).toEqual([]);
    }
  });

  it.each([
    ['a storm', rollupCard(7)],
    ['closed', rollupCard(7, undefined, { closed: true })],
    ['hostile and huge', rollupCard(2_000, (alert, n) => hostileAlert(alert, `${n} ${HOSTILE.repeat(50)}`))],
  ])('%s: the adaptivecards library finds no problem, and it fits', (_name, card) => {
    const out = renderRollupCard(card);
    expect(libraryEvents(out)).toEqual([]);
    expect(JSON.stringify(out).length).toBeLessThan(MAX_CARD_CHARS);
  });
});
