import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.ts';
import { isBotError } from '../../src/errors.ts';
import { alertPageSchema } from '../../src/sekoia/alert-page-schema.ts';
import { listAlertsQuery } from '../../src/sekoia/list-alerts-query.ts';
import { alertUrgency, buildAlert } from '../fakes/fake-sekoia/index.ts';
import { type SekoiaHarness, startSekoiaHarness } from './start-sekoia-harness.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 7, 12, 0);

describe('listAlertsQuery', () => {
  it('writes filters, dates, urgency range, sort and paging as reference §5.3 spells them', () => {
    expect(
      listAlertsQuery({
        limit: 100,
        offset: 200,
        match: { entity_name: ['Lyon HQ', 'Paris'], status_name: ['Pending'] },
        created: { from: NOW - 7 * DAY },
        urgency: { min: 75, max: 100 },
        sort: 'updated_at',
        direction: 'asc',
      }),
    ).toEqual({
      limit: 100,
      offset: 200,
      'match[entity_name]': 'Lyon HQ,Paris',
      'match[status_name]': 'Pending',
      'date[created_at]': '2026-11-30T12:00:00.000Z,now',
      'range[urgency]': '75,100',
      sort: 'updated_at',
      direction: 'asc',
    });
  });

  it.each([
    ['a comma inside a value (the list form cannot carry it)', { match: { entity_name: ['Lyon, HQ'] } }],
    ['an empty list (it would match nothing)', { match: { rule_name: [] } }],
    ['an urgency range upside down', { urgency: { min: 80, max: 20 } }],
    ['an urgency out of 0–100', { urgency: { min: 0, max: 101 } }],
    ['a date before 1970', { updated: { from: -1 } }],
    ['a limit over 100', { limit: 101 }],
  ])('refuses %s before sending', (_name, input) => {
    let thrown: unknown;
    try {
      listAlertsQuery({ limit: 10, ...input });
    } catch (error) {
      thrown = error;
    }
    expect(isBotError(thrown) && thrown.code).toBe('sekoia_rejected');
  });
});

describe('alertPageSchema', () => {
  it('keeps the readable alerts of a page that holds an unreadable item, and counts it', () => {
    const page = alertPageSchema.parse({ items: [buildAlert(), { title: 'no uuid' }, 'junk'], total: 3 });
    expect(page.items.map((alert) => alert.uuid)).toHaveLength(1);
    expect(page).toMatchObject({ unreadable: 2, size: 3, total: 3 });
  });
});

describe('listAlerts against the fake Sekoia.io', () => {
  let harness: SekoiaHarness;
  afterEach(() => harness.close());

  it('filters, sorts by update oldest first and pages without repeating or skipping an alert', async () => {
    const clock = createManualClock(NOW - 10 * DAY);
    harness = await startSekoiaHarness({ fake: { clock } });
    const { fake, client } = harness;
    const old = fake.addAlert(
      { entity: { uuid: crypto.randomUUID(), name: 'Lyon HQ' }, urgency: alertUrgency(90) },
      { notify: false },
    );
    clock.set(NOW - DAY);
    const lyon = [1, 2, 3, 4, 5].map(() =>
      fake.addAlert(
        { entity: { uuid: crypto.randomUUID(), name: 'Lyon HQ' }, urgency: alertUrgency(90) },
        { notify: false },
      ),
    );
    fake.addAlert(
      { entity: { uuid: crypto.randomUUID(), name: 'Paris' }, urgency: alertUrgency(90) },
      { notify: false },
    );
    fake.addAlert(
      { entity: { uuid: crypto.randomUUID(), name: 'Lyon HQ' }, urgency: alertUrgency(20) },
      { notify: false },
    );
    clock.set(NOW);
    fake.updateAlert(lyon[0]?.uuid ?? '', { statusName: 'Acknowledged' }, { notify: false });

    const seen: string[] = [];
    for (let offset = 0; ; offset += 2) {
      const page = await client.listAlerts({
        limit: 2,
        offset,
        match: { entity_name: ['Lyon HQ'] },
        created: { from: NOW - 7 * DAY },
        urgency: { min: 75, max: 100 },
        sort: 'updated_at',
        direction: 'asc',
      });
      seen.push(...page.items.map((alert) => alert.uuid));
      if (page.size < 2) break;
    }
    // The acknowledged one was updated last; the old, the Paris and the low alert are filtered out.
    expect(seen).toHaveLength(5);
    expect(new Set(seen)).toEqual(new Set(lyon.map((alert) => alert.uuid)));
    expect(seen.at(-1)).toBe(lyon[0]?.uuid);
    expect(seen).not.toContain(old.uuid);
    const [request] = fake.requests.filter((r) => r.path === '/v1/sic/alerts');
    expect(request?.query['match[entity_name]']).toBe('Lyon HQ');
  });

  it('refuses a parameter the fake does not serve, as loudly as a 400', async () => {
    harness = await startSekoiaHarness();
    const response = await fetch(`${harness.fake.url}/v1/sic/alerts?colour=red`, {
      headers: { authorization: `Bearer ${harness.fake.apiKey}` },
    });
    expect(response.status).toBe(400);
  });
});
