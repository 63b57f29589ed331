import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.ts';
import type { CardShown } from '../../src/delivery/card-history.ts';
import { createCardLock } from '../../src/delivery/create-card-lock.ts';
import type { ChannelRef } from '../../src/rules/rule.ts';
import { createKeyvCardHistory } from '../../src/storage/create-keyv-card-history.ts';
import { createStore, type Store } from '../../src/storage/create-store.ts';
import { stormAlert } from '../delivery/storm-alerts.ts';
import { captureLog, uniqueNamespace } from './capture-log.ts';

const SOC = { platform: 'mattermost', team: 't1', channel: 'soc' } as const;
const OTHER = { platform: 'mattermost', team: 't1', channel: 'other' } as const;
const T0 = Date.UTC(2026, 11, 7, 9, 30);
const MIN = 60_000;

const shown = (n: number, at: number, status = 'Pending', channel: ChannelRef = SOC): CardShown => ({
  channel,
  alert: stormAlert(n, { urgency: 80, status }),
  ruleId: 'r7k2',
  ruleName: 'PowerShell',
  at,
});

let stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.map((store) => store.close()));
  stores = [];
});

describe('card history on SQLite', () => {
  it('lists the cards posted in a span with their current status and first acknowledgement', async () => {
    const { log } = captureLog();
    const store = await createStore({ url: 'sqlite://:memory:', log });
    stores.push(store);
    const history = createKeyvCardHistory({ keyv: store.keyv('history'), log });
    await history.posted(shown(1, T0));
    await history.posted(shown(2, T0 + 2 * 60 * MIN));
    await history.posted(shown(3, T0 + 26 * 60 * MIN));
    await history.posted(shown(4, T0, 'Pending', OTHER));
    await history.statusChanged(shown(1, T0 + 10 * MIN, 'Acknowledged'));
    await history.statusChanged(shown(1, T0 + 30 * MIN, 'Closed'));
    // A card the history never saw posted (older than it) is left out, not invented.
    await history.statusChanged(shown(9, T0 + 30 * MIN, 'Closed'));

    const day = await history.postedBetween(SOC, T0 - MIN, T0 - MIN + 24 * 60 * MIN);
    expect(day.map((entry) => entry.line.shortId)).toEqual(['AL1', 'AL2']);
    expect(day[0]).toMatchObject({ acknowledgedAt: T0 + 10 * MIN, line: { status: 'Closed' } });
    expect(day[1]?.acknowledgedAt).toBeNull();
    // Posting again (a retried job) lists the card once.
    await history.posted(shown(2, T0 + 2 * 60 * MIN));
    expect(await history.postedBetween(SOC, T0, T0 + 3 * 60 * MIN)).toHaveLength(2);
  });
});

// Real servers (override with TEST_REDIS_URL / TEST_POSTGRES_URL), as card-stores-replicas.test.ts.
const engines: [string, string][] = [
  ['Redis', process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'],
  ['PostgreSQL', process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test'],
];

describe.each(engines)('card history of two replicas on one %s store', (_name, url) => {
  it('cards of one channel posted at the same instant by two replicas: every one is listed', async () => {
    const { log } = captureLog();
    stores = [await createStore({ url, log }), await createStore({ url, log })];
    const namespace = uniqueNamespace('history');
    const [a, b] = stores.map((store) =>
      createKeyvCardHistory({
        keyv: store.keyv(namespace),
        log,
        lock: createCardLock({ leases: store.leases({ clock: systemClock }) }),
      }),
    );
    if (a === undefined || b === undefined) throw new Error('two replicas');
    const cards = Array.from({ length: 30 }, (_, n) => n);
    await Promise.all(cards.map((n) => (n % 2 === 0 ? a : b).posted(shown(n, T0 + n))));
    const listed = await b.postedBetween(SOC, T0, T0 + 60 * MIN);
    expect(listed.map((entry) => entry.line.uuid).toSorted()).toEqual(cards.map((n) => `a${n}`).toSorted());
    await stores[0]?.keyv(namespace).clear();
  });
});
