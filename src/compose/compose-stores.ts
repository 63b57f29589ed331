import { type AccessGuard, createAccessGuard } from '../access/create-access-guard.ts';
import type { AppOptions } from '../app-options.ts';
import type { Clock } from '../clock.ts';
import { resolveSecrets, type Secrets } from '../config/resolve-secrets.ts';
import type { AlertStateStore } from '../delivery/alert-state-store.ts';
import type { CardStore } from '../delivery/card-store.ts';
import type { HoldStore } from '../delivery/hold-store.ts';
import type { StormStore } from '../delivery/storm-store.ts';
import type { JobQueue } from '../queue/job-queue.ts';
import { createRuleCatalog, type RuleCatalog } from '../rules/create-rule-catalog.ts';
import { createKeyvAccessStore } from '../storage/create-keyv-access-store.ts';
import { createKeyvCardStores } from '../storage/create-keyv-card-stores.ts';
import { createKeyvHoldStore } from '../storage/create-keyv-hold-store.ts';
import { createKeyvRuleStore } from '../storage/create-keyv-rule-store.ts';
import { createKeyvSecretStore } from '../storage/create-keyv-secret-store.ts';
import { createKeyvStormStore } from '../storage/create-keyv-storm-store.ts';
import { createStore, type Store } from '../storage/create-store.ts';
import { openAppQueue } from './open-app-queue.ts';

/**
 * How often a replica looks for rule changes anyway: each change is announced on the store's
 * change notices and reloaded at once; this catches one lost while a connection was down.
 */
export const RULE_REFRESH_MS = 60_000;

export interface Stores {
  /** The key–value store (SQLite, Redis or PostgreSQL); every other store is a namespace of it. */
  store: Store;
  secrets: Secrets;
  /** The durable job queue (open-app-queue.ts): in the SQLite store's file, in PostgreSQL, or in QUEUE_PATH. */
  queue: JobQueue;
  /** The routing rules, reloaded on each change notice (and every RULE_REFRESH_MS). */
  rules: RuleCatalog;
  /** Where each alert's cards were posted, and what the alert looks like now. */
  cards: CardStore;
  states: AlertStateStore;
  /** Card budgets, budget windows and roll-ups, per channel. */
  storms: StormStore;
  /** Who may act in each channel, over its stored level. */
  access: AccessGuard;
  /** Working hours, maintenance windows and the alerts they hold, per channel. */
  holds: HoldStore;
}

/** What the app keeps: opened (and the rules loaded) before anything else is built on them. */
export async function composeStores(options: AppOptions, clock: Clock): Promise<Stores> {
  const { config, log } = options;
  const store: Store = await createStore({ url: config.STORE_URL, log });
  const secrets = await resolveSecrets({ config, store: createKeyvSecretStore(store.keyv('secrets')) });
  const queue = await openAppQueue(options, store, clock);
  const rules = createRuleCatalog({
    store: createKeyvRuleStore({ keyv: store.keyv('rules'), log }),
    clock,
    notices: store.changes('rules'),
    refreshMs: RULE_REFRESH_MS,
    onRefreshError: (error) => log.warn({ err: error }, 'could not refresh the rules'),
    onNoticeError: (error) => log.warn({ err: error }, 'could not announce a rule change'),
  });
  await rules.start();
  // Card and alert-state writes come several per card, on the event loop: they need survive only a
  // crash of the process (on SQLite, no fsync each). An OS crash or a power cut may lose the last of
  // them: at worst a card posted again, or edited once more. Rules and secrets keep every commit.
  const cardKeyv = store.keyv('cards', { durability: 'process' });
  // Replicas share Redis or PostgreSQL: an alert's channel list and newest state are leased there.
  const shared = store.kind === 'sqlite' ? {} : { leases: store.leases({ clock }) };
  const { cards, states } = createKeyvCardStores({ keyv: cardKeyv, log, ...shared });
  const storms = createKeyvStormStore({ keyv: store.keyv('storm'), log });
  const access = createAccessGuard({ store: createKeyvAccessStore({ keyv: store.keyv('access'), log }) });
  const holds = createKeyvHoldStore({ keyv: store.keyv('hold'), log });
  return { store, secrets, queue, rules, cards, states, storms, access, holds };
}
