import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.ts';
import type { CardRecord } from '../../src/delivery/card-store.ts';
import type { AlertNotification } from '../../src/normalize/notification.ts';
import { createKeyvCardStores } from '../../src/storage/create-keyv-card-stores.ts';
import { createStore, type Store } from '../../src/storage/create-store.ts';
import { captureLog, uniqueNamespace } from './capture-log.ts';

// Real servers (override with TEST_REDIS_URL / TEST_POSTGRES_URL); each test has its own namespace.
// SQLite is left out: its store belongs to one process, where the in-process lock suffices.
const engines: [string, string][] = [
  ['Redis', process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'],
  ['PostgreSQL', process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test'],
];
type CardStores = ReturnType<typeof createKeyvCardStores>;
const ALERTS = Array.from({ length: 40 }, (_, index) => `alert-${index}`);

const record = (alertUuid: string, channel: string): CardRecord => ({
  alertUuid,
  channel: { platform: 'mattermost', team: 't1', channel },
  messageId: `post-${channel}`,
  creatingSince: 0,
  ruleId: 'r7k2',
  ruleName: null,
  status: 'Pending',
  shownAt: 0,
});

const notification = (alertUuid: string, status: string, observedAt: number): AlertNotification => ({
  kind: 'alert',
  trigger: 'alert-updated',
  event: { id: `e${observedAt}`, type: 'alert', action: 'updated', createdAt: '', receivedAt: observedAt },
  alert: {
    uuid: alertUuid,
    shortId: 'ALa1',
    title: 'Mimikatz',
    urgency: 80,
    urgencyLevel: 'high',
    status: { uuid: undefined, name: status },
    entity: { uuid: undefined, name: 'Lyon' },
    rule: { uuid: undefined, name: 'R' },
    alertType: { category: undefined, value: undefined },
    assets: [],
    criticality: undefined,
    occurrences: 1,
    firstSeenAt: undefined,
    lastSeenAt: undefined,
    communityUuid: undefined,
    link: 'https://app.sekoia.io/operations/alerts/ALa1',
  },
  changes: [],
  enriched: true,
  workflow: [],
  observedAt,
});

/**
 * Two replicas (two stores, each with its own in-process lock) on one namespace of one database,
 * writing what concerns one alert at the same instant: nothing one of them wrote is lost.
 */
describe.each(engines)('card stores of two replicas on one %s store', (_name, url) => {
  let stores: Store[];
  let replicas: CardStores[];
  let namespace: string;

  beforeEach(async () => {
    const { log } = captureLog();
    stores = [await createStore({ url, log }), await createStore({ url, log })];
    namespace = uniqueNamespace('card-replicas');
    replicas = stores.map((store) =>
      createKeyvCardStores({
        keyv: store.keyv(namespace),
        log,
        leases: store.leases({ clock: systemClock }),
      }),
    );
  });
  afterEach(async () => {
    await stores[0]?.keyv(namespace).clear();
    await Promise.all(stores.map((store) => store.close()));
  });

  const a = () => replicas[0] as CardStores;
  const b = () => replicas[1] as CardStores;

  it('cards of one alert recorded in two channels at the same instant: the alert lists both channels', async () => {
    for (const alert of ALERTS) {
      await Promise.all([a().cards.put(record(alert, 'c1')), b().cards.put(record(alert, 'c2'))]);
    }
    for (const alert of ALERTS) {
      const channels = (await a().cards.channelsOf(alert)).map((channel) => channel.channel);
      expect(channels.toSorted(), alert).toEqual(['c1', 'c2']);
    }
  });

  it('a newer and an older observation of one alert offered at the same instant: the newer is kept', async () => {
    const activity = {
      verb: 'acknowledged',
      by: 'alice',
      platform: 'mattermost',
      at: 900,
      status: 'Pending',
    };
    for (const alert of ALERTS) {
      await a().states.offer({ notification: notification(alert, 'Pending', 900), activity });
      await Promise.all([
        a().states.offer({ notification: notification(alert, 'Acknowledged', 2_000), activity: null }),
        b().states.offer({ notification: notification(alert, 'Pending', 1_000), activity: null }),
      ]);
    }
    for (const alert of ALERTS) {
      const state = await b().states.get(alert);
      expect(state?.notification.alert.status.name, alert).toBe('Acknowledged');
      // Kept through newer notifications that carry none.
      expect(state?.activity?.by, alert).toBe('alice');
    }
  });
});
