import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineWatchJobs } from '../../src/delivery/define-watch-jobs.ts';
import { createLogger } from '../../src/log.ts';
import { defineJobs } from '../../src/queue/define-jobs.ts';
import { encodeJob } from '../../src/queue/encode-job.ts';
import type { Job } from '../../src/queue/job-queue.ts';
import { jobType } from '../../src/queue/job-type.ts';
import { defineTrigger } from '../../src/triggers/trigger-definition.ts';
import type { TriggerNotification } from '../../src/triggers/trigger-notification.ts';
import { TRIGGER_TABLE } from '../../src/triggers/trigger-table.ts';
import { defineWatch } from '../../src/triggers/trigger-watch.ts';

const log = createLogger({ level: 'silent', destination: { write: () => true } });

/** A seventh trigger fed by a watcher: its job and its notification are all in its module. */
const caseStaleJob = jobType('case-stale', z.object({ uuid: z.string().min(1), idleMs: z.number().min(0) }));
const caseStale = defineTrigger({
  name: 'case-stale',
  label: 'Case stale',
  keys: { for: { kind: 'duration', example: 'for=2h', min: 0, max: 86_400_000, single: true } },
  watch: defineWatch(caseStaleJob, (stale, { event, appUrl }) => ({
    kind: 'trigger',
    trigger: 'case-stale',
    event: event('case-stale', 'idle'),
    subject: `case-stale:${stale.uuid}`,
    facts: { trigger: 'case-stale', for: stale.idleMs },
    summary: {
      title: `Case idle: ${stale.uuid}`,
      link: `${appUrl}/cases/${stale.uuid}`,
      linkLabel: 'Open the case',
      tone: 'warning',
      badge: undefined,
      facts: [],
      text: undefined,
    },
  })),
});

const jobOf = (kind: string, payload: string): Job => ({
  id: 'job-7',
  kind,
  payload,
  attempts: 1,
  createdAt: 1_700_000_000_000,
});

describe('a trigger fed by a watcher declares its queue job in its definition', () => {
  it('gives the job table one row per watched trigger, under the kinds stored jobs already carry', () => {
    const rows = defineWatchJobs<{ trigger: string }>(TRIGGER_TABLE, {
      deliver: async () => {},
      appUrl: 'https://app.sekoia.io',
    });
    expect(rows.map((row) => row.kind)).toEqual(['rule-added', 'intake-silence']);
  });

  it('a seventh watched trigger is one more row: its payload is checked, then its notification delivered', async () => {
    const delivered: TriggerNotification[] = [];
    const table = defineJobs(
      defineWatchJobs<{ trigger: string }>([...TRIGGER_TABLE, caseStale], {
        deliver: async (notification) => {
          delivered.push(notification);
        },
        appUrl: 'https://app.sekoia.io',
      }),
    );
    const row = table.get('case-stale');
    const queued = encodeJob(caseStaleJob, { uuid: 'c1', idleMs: 7_200_000 });
    const accepted = row?.accept(jobOf(queued.kind, queued.payload));
    if (accepted?.ok !== true) throw new Error('the payload was refused');
    await accepted.run(log);
    expect(delivered).toEqual([
      expect.objectContaining({
        trigger: 'case-stale',
        subject: 'case-stale:c1',
        event: {
          id: 'job-7',
          type: 'case-stale',
          action: 'idle',
          createdAt: '2023-11-14T22:13:20.000Z',
          receivedAt: 1_700_000_000_000,
        },
        facts: { trigger: 'case-stale', for: 7_200_000 },
      }),
    ]);
    expect(row?.accept(jobOf('case-stale', '{"uuid":""}')).ok).toBe(false);
  });
});
