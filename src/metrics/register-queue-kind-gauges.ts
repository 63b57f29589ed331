import { Gauge, type Registry } from 'prom-client';
import type { KindStats } from '../queue/job-queue.ts';

/**
 * The queue per job kind, read when Prometheus scrapes (no timer): jobs by state, dead letters, and
 * the age of the oldest unfinished job. Only what every engine can tell (see KindStats), so that the
 * names hold whichever queue runs. A kind with no job left disappears until it has one again.
 */
export function registerQueueKindGauges(options: {
  registry: Registry;
  prefix: string;
  statsByKind: () => Promise<readonly KindStats[]>;
}): void {
  const { registry, prefix } = options;
  // The registry collects its metrics concurrently: the three gauges of a scrape share one read.
  let reading: Promise<readonly KindStats[]> | undefined;
  const read = () => {
    reading ??= options.statsByKind().finally(() => {
      reading = undefined;
    });
    return reading;
  };
  new Gauge({
    name: `${prefix}queue_jobs`,
    help: 'Unfinished jobs in the durable queue, by kind and state (waiting, running).',
    labelNames: ['kind', 'state'],
    registers: [registry],
    async collect() {
      const stats = await read();
      this.reset();
      for (const { kind, waiting, running } of stats) {
        this.set({ kind, state: 'waiting' }, waiting);
        this.set({ kind, state: 'running' }, running);
      }
    },
  });
  new Gauge({
    name: `${prefix}queue_dead_letters`,
    help: 'Jobs on the dead-letter list, by kind (listed by the status command).',
    labelNames: ['kind'],
    registers: [registry],
    async collect() {
      const stats = await read();
      this.reset();
      for (const { kind, dead } of stats) this.set({ kind }, dead);
    },
  });
  new Gauge({
    name: `${prefix}queue_oldest_job_age_seconds`,
    help: 'How long the oldest unfinished job of a kind has been owed: since due if never tried, else since created.',
    labelNames: ['kind'],
    registers: [registry],
    async collect() {
      const stats = await read();
      this.reset();
      for (const { kind, oldestAgeMs } of stats) this.set({ kind }, oldestAgeMs / 1000);
    },
  });
}
