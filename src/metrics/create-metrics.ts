import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { KindStats, QueueStats } from '../queue/job-queue.ts';
import { registerQueueKindGauges } from './register-queue-kind-gauges.ts';

export interface Metrics {
  readonly registry: Registry;
  readonly eventsReceived: Counter<'type'>;
  readonly eventsDeduplicated: Counter;
  readonly eventsRejected: Counter<'reason'>;
  readonly deliveries: Counter<'result'>;
  readonly deliveryLatency: Histogram;
  readonly jobRetries: Counter<'kind'>;
  readonly jobsDeadLettered: Counter<'kind'>;
  readonly scheduledRuns: Counter<'job' | 'result'>;
  readonly scheduledLastSuccess: Gauge<'job'>;
}

export interface MetricsOptions {
  queueStats: () => Promise<QueueStats>;
  /** The queue per job kind; without it, the per-kind gauges are not registered. */
  queueStatsByKind?: () => Promise<readonly KindStats[]>;
  /** Process metrics (CPU, memory, event loop); off in tests that build many apps. */
  defaultMetrics?: boolean;
}

/** One registry per app, never the global one, so that several apps can live in one process. */
export function createMetrics(options: MetricsOptions): Metrics {
  const registry = new Registry();
  const prefix = 'sekoia_chatops_';
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry, prefix });
  new Gauge({
    name: `${prefix}queue_depth`,
    help: 'Jobs in the durable queue, by state (pending includes running).',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const stats = await options.queueStats();
      this.set({ state: 'pending' }, stats.pending);
      this.set({ state: 'running' }, stats.running);
      this.set({ state: 'dead' }, stats.dead);
    },
  });
  if (options.queueStatsByKind)
    registerQueueKindGauges({ registry, prefix, statsByKind: options.queueStatsByKind });
  return {
    registry,
    eventsReceived: counter(registry, `${prefix}events_received_total`, 'WebHook events accepted.', 'type'),
    eventsDeduplicated: new Counter({
      name: `${prefix}events_deduplicated_total`,
      help: 'WebHook events recognised as duplicates and dropped before processing.',
      registers: [registry],
    }),
    eventsRejected: counter(
      registry,
      `${prefix}events_rejected_total`,
      'WebHook requests refused.',
      'reason',
    ),
    deliveries: counter(
      registry,
      `${prefix}deliveries_total`,
      'Notifications handed to platforms.',
      'result',
    ),
    deliveryLatency: new Histogram({
      name: `${prefix}delivery_latency_seconds`,
      help: 'Time from WebHook receipt to delivery.',
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers: [registry],
    }),
    jobRetries: counter(
      registry,
      `${prefix}job_retries_total`,
      'Jobs scheduled for another attempt.',
      'kind',
    ),
    jobsDeadLettered: counter(
      registry,
      `${prefix}jobs_dead_lettered_total`,
      'Jobs moved to the dead-letter list.',
      'kind',
    ),
    scheduledRuns: new Counter({
      name: `${prefix}scheduled_runs_total`,
      help: 'Ticks of scheduled jobs on this replica, by result (ok, error, skipped-overlap, skipped-lease).',
      labelNames: ['job', 'result'],
      registers: [registry],
    }),
    scheduledLastSuccess: new Gauge({
      name: `${prefix}scheduled_last_success_timestamp_seconds`,
      help: 'When a scheduled job last succeeded on this replica (take the max across replicas).',
      labelNames: ['job'],
      registers: [registry],
    }),
  };
}

function counter<L extends string>(registry: Registry, name: string, help: string, label: L): Counter<L> {
  return new Counter({ name, help, labelNames: [label], registers: [registry] });
}
