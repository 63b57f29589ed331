import { describe, expect, it } from 'vitest';
import { buildRollupCard } from '../../src/delivery/rollup-card.ts';
import {
  addToRollup,
  closeRollup,
  openRollup,
  refreshInRollup,
  rollupStateSchema,
} from '../../src/delivery/rollup-state.ts';
import { TALLY_NAMES } from '../../src/delivery/rollup-tally.ts';
import { stormAlert } from './storm-alerts.ts';

const channel = { platform: 'mattermost', team: 't', channel: 'c' };
const OPENED = Date.UTC(2026, 2, 2, 14, 2);
const start = () => openRollup({ channel, budget: 20, windowMs: 300_000, ownCardAt: 'high' }, OPENED);

describe('roll-up aggregation', () => {
  it('counts by urgency, rule and entity, keeps the newest and the most urgent few', () => {
    let state = start();
    for (let n = 1; n <= 12; n += 1) {
      const urgency = n === 4 ? 70 : n === 9 ? 60 : 10 + n;
      const rule = n % 3 === 0 ? 'Suspicious PowerShell' : 'Port scan';
      state = addToRollup(
        state,
        stormAlert(n, { urgency, rule, entity: n > 10 ? 'Paris' : 'Lyon HQ' }),
        OPENED + n,
      );
    }
    expect(state.total).toBe(12);
    expect(state.byLevel).toEqual({ high: 0, medium: 2, low: 10, unknown: 0 });
    expect(state.byRule.top).toEqual([
      { name: 'Port scan', count: 8 },
      { name: 'Suspicious PowerShell', count: 4 },
    ]);
    expect(state.newest.map((l) => l.shortId)).toEqual(['AL12', 'AL11', 'AL10', 'AL9', 'AL8']);
    expect(state.urgent.map((l) => l.shortId)).toEqual(['AL4', 'AL9', 'AL12', 'AL11', 'AL10']);
    const card = buildRollupCard(state);
    expect(card.title).toBe('Alert storm: 12 alerts since 14:02 UTC');
    expect(card.facts).toEqual([
      { title: 'By urgency', value: '0 high · 2 medium · 10 low' },
      { title: 'By rule', value: 'Port scan ×8 · Suspicious PowerShell ×4' },
      { title: 'By entity', value: 'Lyon HQ ×10 · Paris ×2' },
    ]);
    expect(card.note).toContain('Alerts of high urgency still get their own card.');
  });

  it('moves a refreshed alert between urgency counts and updates its line', () => {
    let state = addToRollup(start(), stormAlert(1, { urgency: 20 }), OPENED);
    state = addToRollup(state, stormAlert(2, { urgency: 30 }), OPENED + 1);
    state = refreshInRollup(state, stormAlert(1, { urgency: 60, status: 'Acknowledged' }), 'low');
    expect(state.total).toBe(2);
    expect(state.byLevel).toMatchObject({ low: 1, medium: 1 });
    expect(state.newest.find((l) => l.uuid === 'a1')).toMatchObject({
      status: 'Acknowledged',
      level: 'medium',
    });
    expect(state.urgent[0]?.uuid).toBe('a1');
  });

  it('stays bounded: tracked names, lines and titles are capped', () => {
    let state = start();
    for (let n = 1; n <= 500; n += 1) {
      const alert = {
        ...stormAlert(n, { rule: `rule ${n % 40}`, entity: `entity ${n}` }),
        title: 'x'.repeat(5_000),
      };
      state = addToRollup(state, alert, OPENED + n);
    }
    expect(state.total).toBe(500);
    expect(state.byRule.top).toHaveLength(TALLY_NAMES);
    expect(state.byEntity.others).toBe(500 - TALLY_NAMES);
    expect(JSON.stringify(state).length).toBeLessThan(6_000);
    expect(rollupStateSchema.safeParse(state).success).toBe(true);
    expect(buildRollupCard(state).facts[2]?.value).toMatch(/ · 495 others$/);
  });

  it('is summed up once closed', () => {
    let state = addToRollup(start(), stormAlert(1), OPENED);
    state = addToRollup(state, stormAlert(2), OPENED + 29 * 60_000);
    const card = buildRollupCard(closeRollup(state, OPENED + 34 * 60_000));
    expect(card.closed).toBe(true);
    expect(card.title).toBe('Storm over: 2 alerts from 14:02 to 14:31 UTC');
  });
});
