import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildIntakeSearchTerm } from '../../src/sekoia/build-intake-search-term.ts';
import type { SekoiaApi } from '../../src/sekoia/sekoia-api.ts';
import { readAllPages } from './read-all-pages.ts';
import type { SekoiaHarness } from './start-sekoia-harness.ts';
import { startSekoiaHarness } from './start-sekoia-harness.ts';

let harness: SekoiaHarness;

beforeEach(async () => {
  harness = await startSekoiaHarness();
});
afterEach(() => harness.close());

const UNKNOWN_UUID = '3c9e1f0a-7b2d-4e58-9a61-0f4d2b8c7e15';

describe('listCatalogRules', () => {
  it('pages with limit and offset until a short page, keeping the fields the trigger uses', async () => {
    const added = [10, 30, 50, 70, 90].map((severity) => harness.fake.addCatalogRule({ severity }));
    const { items, pages } = await readAllPages((input) => harness.client.listCatalogRules(input), 2);
    expect(pages).toBe(3);
    expect(items.map((rule) => rule.uuid)).toEqual(added.map((rule) => rule.uuid));
    expect(items[0]).toMatchObject({
      name: added[0]?.name,
      description: added[0]?.description,
      payload: added[0]?.payload,
      severity: 10,
      type: 'sigma',
      enabled: false,
      created_at: added[0]?.created_at,
      effort: 2,
    });
    expect(harness.fake.requests.map((request) => request.path)).toEqual(
      Array(3).fill('/v1/sic/conf/rules-catalog/rules'),
    );
    expect(harness.fake.requests.map((request) => request.query)).toEqual([
      { limit: '2', offset: '0' },
      { limit: '2', offset: '2' },
      { limit: '2', offset: '4' },
    ]);
  });

  it('needs one more, empty, page when the last page is exactly full', async () => {
    for (let index = 0; index < 4; index += 1) harness.fake.addCatalogRule();
    const page = await harness.client.listCatalogRules({ limit: 2, offset: 2 });
    expect(page).toMatchObject({ total: 4 });
    const { items, pages } = await readAllPages((input) => harness.client.listCatalogRules(input), 2);
    expect([items.length, pages]).toEqual([4, 3]);
  });

  it('reads a rule whose created_at is a number, whose name or severity is odd, without failing the page', async () => {
    const [dated, odd] = [harness.fake.addCatalogRule(), harness.fake.addCatalogRule()];
    const items = [
      { ...dated, created_at: 1772439342, updated_at: 1772439342123 },
      { ...odd, name: 42, severity: 'high', enabled: 'yes', description: ['x'] },
    ];
    harness.fake.respondNext(1, { status: 200, body: { items, total: 2 } });
    const page = await harness.client.listCatalogRules({ limit: 10, offset: 0 });
    expect(page.items.map((rule) => rule.uuid)).toEqual([dated.uuid, odd.uuid]);
    expect(page.items[0]).toMatchObject({
      name: dated.name,
      created_at: '2026-03-02T08:15:42.000Z',
      updated_at: '2026-03-02T08:15:42.123Z',
    });
    expect(page.items[1]).toMatchObject({ severity: undefined, enabled: null, description: null });
    expect(page.items[1]?.name).toBeUndefined();
    harness.fake.respondNext(1, { status: 200, body: { ...dated, created_at: 1772439342 } });
    await expect(harness.client.getCatalogRule(dated.uuid)).resolves.toMatchObject({ severity: 60 });
  });

  it('drops a rule type of an unexpected shape instead of failing the page', async () => {
    harness.fake.addCatalogRule({ type: { name: 'sigma' } });
    const { items } = await harness.client.listCatalogRules({ limit: 10, offset: 0 });
    expect(items[0]?.type).toBeNull();
  });
});

describe('listIntakes', () => {
  it('pages through intakes and never hands out their intake_key', async () => {
    const added = ['Firewall EU', 'Proxy', 'EDR'].map((name) => harness.fake.addIntake({ name }));
    const { items, pages } = await readAllPages((input) => harness.client.listIntakes(input), 2);
    expect(pages).toBe(2);
    expect(items.map((intake) => [intake.uuid, intake.name])).toEqual(added.map((i) => [i.uuid, i.name]));
    expect(items[0]?.entity).toEqual({ uuid: added[0]?.entity.uuid, name: 'Lyon HQ' });
    for (const intake of items) expect(Object.keys(intake)).not.toContain('intake_key');
    const exposed = JSON.stringify(items) + harness.logLines.join('\n');
    for (const intake of added) expect(exposed).not.toContain(intake.intake_key);
  });
});

describe('ids and parameters are checked before any request', () => {
  const calls: [string, (client: SekoiaApi, id: string) => Promise<unknown>][] = [
    ['getContentProposal', (client, id) => client.getContentProposal(id)],
    ['getReport', (client, id) => client.getReport(id)],
    ['getSearchJob', (client, id) => client.getSearchJob(id)],
    ['getSearchJobEvents', (client, id) => client.getSearchJobEvents(id, { limit: 1 })],
  ];
  it.each(calls)('%s refuses anything but a UUID', async (_name, call) => {
    for (const id of ['../../v1/me', 'ALq8Rt2vXk3m', `${UNKNOWN_UUID}/events`, '', 'report--x']) {
      await expect(call(harness.client, id)).rejects.toMatchObject({
        code: 'sekoia_not_found',
        retryable: false,
        details: { reason: 'invalid_id' },
      });
    }
    expect(harness.fake.requests).toHaveLength(0);
  });

  it('refuses limits and offsets Sekoia.io would reject, and blank search inputs', async () => {
    const attempts = [
      harness.client.listCatalogRules({ limit: 0, offset: 0 }),
      harness.client.listIntakes({ limit: 101, offset: 0 }),
      harness.client.listIntakes({ limit: 10, offset: -1 }),
      harness.client.listCatalogRules({ limit: 1.5, offset: 0 }),
      harness.client.getSearchJobEvents(UNKNOWN_UUID, { limit: 1001 }),
      harness.client.createSearchJob({ term: ' ', earliestTime: '-1h', latestTime: 'now' }),
      harness.client.createSearchJob({ term: 'x', earliestTime: '-1h', latestTime: 'now', maxLastEvents: 0 }),
    ];
    for (const attempt of attempts) {
      await expect(attempt).rejects.toMatchObject({
        code: 'sekoia_rejected',
        details: { reason: 'invalid_input' },
      });
    }
    expect(() => buildIntakeSearchTerm('Firewall EU')).toThrow(
      expect.objectContaining({ code: 'sekoia_not_found' }),
    );
    expect(harness.fake.requests).toHaveLength(0);
  });
});

describe('coded errors', () => {
  it('404: sekoia_not_found for an unknown report, proposal or job, one request each', async () => {
    for (const call of [
      () => harness.client.getReport(UNKNOWN_UUID),
      () => harness.client.getContentProposal(UNKNOWN_UUID),
      () => harness.client.getSearchJob(UNKNOWN_UUID),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: 'sekoia_not_found', details: { status: 404 } });
    }
    expect(harness.fake.requests).toHaveLength(3);
  });

  it('403: sekoia_forbidden, naming the missing permission, when the key lacks it', async () => {
    const report = harness.fake.addReport({}, { notify: false });
    harness.fake.setPermissions(harness.fake.apiKey, ['SIC_READ_ALERTS', 'INTHREAT_READ_CONTENT_PROPOSALS']);
    await expect(harness.client.getContentProposal(report.uuid)).resolves.toMatchObject({
      name: report.name,
    });
    const cases: [() => Promise<unknown>, string][] = [
      [() => harness.client.getReport(report.uuid), 'INTHREAT_READ_OBJECTS'],
      [() => harness.client.listIntakes({ limit: 10, offset: 0 }), 'SIC_READ_INTAKES'],
      [() => harness.client.listCatalogRules({ limit: 10, offset: 0 }), 'SIC_READ_CONF'],
      [
        () => harness.client.createSearchJob({ term: 'x', earliestTime: '-1h', latestTime: 'now' }),
        'SIC_READ_INTAKES',
      ],
    ];
    for (const [call, permission] of cases) {
      const error = await call().catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'sekoia_forbidden', retryable: false, details: { status: 403 } });
      expect(error).toHaveProperty('details.sekoiaMessage', expect.stringContaining(permission));
    }
    expect(harness.fake.requests).toHaveLength(5);
  });
});
