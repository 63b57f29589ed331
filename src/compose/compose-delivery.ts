import type { AppOptions } from '../app-options.ts';
import type { Clock } from '../clock.ts';
import type { StatusTracker } from '../create-status-source.ts';
import type { CardSinks } from '../delivery/card-sink.ts';
import { createCardDispatcher } from '../delivery/create-card-dispatcher.ts';
import { createCardLock } from '../delivery/create-card-lock.ts';
import type { Metrics } from '../metrics/create-metrics.ts';
import { PLATFORM_NAMES } from '../platforms/platform-list.ts';
import type { JobTable } from '../queue/define-jobs.ts';
import { createIntakeSilenceOpener } from '../watchers/create-intake-silence-opener.ts';
import { createIntakeSilenceLedger, INTAKE_SILENCE_NAMESPACE } from '../watchers/intake-silence-ledger.ts';
import { composeCatchUpDelivery } from './compose-catch-up.ts';
import { composeChannelJobs } from './compose-channels.ts';
import { composeJobs } from './compose-jobs.ts';
import type { SekoiaSide } from './compose-sekoia.ts';
import type { Stores } from './compose-stores.ts';
import type { Queueing } from './compose-worker.ts';

/**
 * What the worker's jobs do: match an event to the rules and post or update its cards through the
 * chat platforms' sinks (or a test's delivery port), one card writer at a time across replicas
 * (a lease on Redis or PostgreSQL; on SQLite, one process, the handlers' own mutex).
 */
export function composeDelivery(
  options: AppOptions,
  deps: Stores &
    SekoiaSide & {
      queueing: Queueing;
      status: StatusTracker;
      sinks: CardSinks;
      metrics: Metrics;
      clock: Clock;
    },
): JobTable {
  const { config, log } = options;
  const { store, rules, cards, states, sekoia, workflow, sources, assets } = deps;
  const { enqueue } = deps.queueing;
  const { status, sinks, metrics, clock } = deps;
  // On SQLite one process owns the file, and the handlers' in-process mutex already serialises a
  // card: a lease would only add two commits per card. Replicas share Redis or PostgreSQL.
  const cardLock = store.kind === 'sqlite' ? undefined : createCardLock({ leases: store.leases({ clock }) });
  const channels = composeChannelJobs({ ...deps, config, log, enqueue, lock: cardLock });
  const catchUp = composeCatchUpDelivery({ ...deps, log, enqueue, lock: cardLock });
  const delivery =
    options.delivery ??
    createCardDispatcher({
      ...{ rules, cards, states, enqueue, clock, log },
      onKept: (type) => status.eventKept(type),
      ...{ storms: channels.ledger, holds: channels.holds, catchUp: catchUp.ledger },
    });
  const events = {
    sekoia,
    workflow,
    reports: sources.reports,
    catalogRules: sources.catalog,
    intakeSilences: createIntakeSilenceOpener({
      rules,
      ledger: createIntakeSilenceLedger(store.keyv(INTAKE_SILENCE_NAMESPACE)),
      intakes: config.SEKOIA_API_KEY ? sources.intakes : undefined,
    }),
    delivery,
    enqueue,
    metrics,
    clock,
    appUrl: config.SEKOIA_APP_URL,
    assets,
    ...(options.worker?.enrichAttempts ? { enrichAttempts: options.worker.enrichAttempts } : {}),
    ...(options.worker?.refreshDelayMs ? { refreshDelayMs: options.worker.refreshDelayMs } : {}),
  };
  return composeJobs({
    events,
    cards: { sinks, cards, states, clock, names: PLATFORM_NAMES, ...channels.cardParts },
    reminders: { rules },
    more: [...channels.jobs, ...catchUp.jobs],
  });
}
