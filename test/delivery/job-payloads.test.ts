import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Keyv } from 'keyv';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.ts';
import { alertRefreshJob } from '../../src/delivery/alert-refresh-job.ts';
import { cardDeliveryJob } from '../../src/delivery/card-job.ts';
import { compactDeliveryJob } from '../../src/delivery/compact-job.ts';
import { createCardDispatcher } from '../../src/delivery/create-card-dispatcher.ts';
import { createCardRefresher } from '../../src/delivery/create-card-refresher.ts';
import { cardReminderJob, reminderJobs } from '../../src/delivery/reminder-job.ts';
import { sekoiaEventJob } from '../../src/ingress/sekoia-event-job.ts';
import { readStoredEvent, storedEventPayload } from '../../src/ingress/stored-event.ts';
import { createLogger } from '../../src/log.ts';
import { normalizeAlert } from '../../src/normalize/normalize-alert.ts';
import { encodeJob } from '../../src/queue/encode-job.ts';
import { JOB_PRIORITY, type NewJob } from '../../src/queue/job-queue.ts';
import type { JobType } from '../../src/queue/job-type.ts';
import { readJobPayload } from '../../src/queue/read-job-payload.ts';
import type { Rule } from '../../src/rules/rule.ts';
import { createKeyvCardStores } from '../../src/storage/create-keyv-card-stores.ts';
import { createStore, type Store } from '../../src/storage/create-store.ts';
import { intakeSilenceJob } from '../../src/triggers/intake-silent/intake-silence-job.ts';
import { normalizeIntakeSilence } from '../../src/triggers/intake-silent/normalize-intake-silence.ts';
import {
  type CatalogRuleFields,
  normalizeRuleAdded,
} from '../../src/triggers/rule-added/normalize-rule-added.ts';
import { ruleAddedJob } from '../../src/triggers/rule-added/rule-added-job.ts';
import { createIntakeSilenceCheck } from '../../src/watchers/create-intake-silence-check.ts';
import { createRulesCatalogWatch } from '../../src/watchers/create-rules-catalog-watch.ts';
import { createIntakeSilenceLedger } from '../../src/watchers/intake-silence-ledger.ts';

const log = createLogger({ level: 'silent' });
const appUrl = 'https://app.sekoia.io';
const channel = { platform: 'mattermost', team: 't1', channel: 'c1' } as const;
const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '..', 'fixtures', 'sekoia', name), 'utf8');

/** What the worker hands the handler: the schema accepts the job, and its payload is what was written. */
function readBack<P>(type: JobType<P>, job: NewJob | undefined): P {
  expect(job?.kind).toBe(type.kind);
  const reading = readJobPayload(type, job?.payload ?? '');
  if (!reading.ok) throw new Error(reading.reason);
  expect(reading.payload).toEqual(JSON.parse(job?.payload ?? ''));
  return reading.payload;
}

function rule(trigger: Rule['trigger'], conditions: Rule['conditions'] = []): Rule {
  return {
    id: 'r7k2',
    trigger,
    conditions,
    channel,
    createdBy: { id: 'u1', name: 'Ann' },
    createdAt: 1,
    mute: null,
    matchCount: 0,
    lastMatchAt: null,
  };
}

describe('job payloads: each kind reads back what its producer writes', () => {
  const clock = createManualClock();
  let store: Store;
  let queued: NewJob[];
  const enqueue = async (job: NewJob) => {
    queued.push(job);
  };

  beforeEach(async () => {
    store = await createStore({ url: 'sqlite://:memory:', log });
    queued = [];
  });
  afterEach(async () => {
    await store.close();
  });

  it('sekoia-event: the raw body as the WebHook stored it, whatever its shape; only non-JSON is refused', () => {
    for (const body of [
      fixture('alert-created.json'),
      '{"type":"x","attributes":5}',
      '[]',
      'null',
      '"text"',
    ]) {
      const payload = storedEventPayload({ body, receivedAt: 42, requestId: 'req-1' });
      const reading = readJobPayload(sekoiaEventJob, payload);
      expect(reading).toEqual({ ok: true, payload: readStoredEvent(JSON.parse(payload)) });
    }
    expect(readJobPayload(sekoiaEventJob, 'not json')).toMatchObject({ ok: false, issues: [] });
  });

  it('alert-refresh: the stored event and the event id, read back unchanged', () => {
    const stored = readStoredEvent(
      JSON.parse(storedEventPayload({ body: fixture('alert-created.json'), receivedAt: 42, requestId: 'r' })),
    );
    const job = encodeJob(alertRefreshJob, { stored, eventId: 'job-1' }, { runAt: 5 });
    expect(readBack(alertRefreshJob, job)).toEqual({ stored, eventId: 'job-1' });
  });

  it('card-reminder: one delayed job per stage of the plan, deduplicated per alert, channel and stage', () => {
    const plan = { afterMs: 900_000, escalate: { mentions: [{ name: 'leads' }], afterMs: 1_800_000 } };
    const jobs = reminderJobs({ alertUuid: 'a1', channel, ruleId: 'r7k2', plan, postedAt: 1_000 });
    expect(jobs.map((job) => [readBack(cardReminderJob, job).stage, job.runAt, job.dedupeKeys])).toEqual([
      ['remind', 901_000, ['reminder:a1:mattermost/t1/c1:remind']],
      ['escalate', 1_801_000, ['reminder:a1:mattermost/t1/c1:escalate']],
    ]);
    // A card job carries the plan of its rule; one queued before plans existed still reads.
    const card = { alertUuid: 'a1', channel, rule: { id: 'r7k2', name: null, remind: plan } };
    expect(readBack(cardDeliveryJob, encodeJob(cardDeliveryJob, card)).rule?.remind).toEqual(plan);
    const older = { ...card, rule: { id: 'r7k2', name: null } };
    expect(readBack(cardDeliveryJob, encodeJob(cardDeliveryJob, older)).rule).not.toHaveProperty('remind');
  });

  it('card-delivery and compact-delivery: what the dispatcher and the refresher enqueue', async () => {
    const { cards, states } = createKeyvCardStores({ keyv: store.keyv('cards'), log });
    const dispatcher = createCardDispatcher({
      rules: {
        match: (facts) => [{ rule: rule(facts.trigger), channel }],
        recordMatch: async () => {},
      },
      cards,
      states,
      enqueue,
      clock,
      log,
    });
    const stored = readStoredEvent(
      JSON.parse(storedEventPayload({ body: fixture('alert-created.json'), receivedAt: 42, requestId: 'r' })),
    );
    await dispatcher.deliver(
      normalizeAlert({ stored, eventId: 'e1', alert: undefined, appUrl, observedAt: 1 }),
    );
    const event = { id: 'e2', type: 'rule-added', action: 'created', createdAt: '', receivedAt: 1 };
    const newRule = {
      uuid: 'u1',
      name: 'R',
      description: undefined,
      pattern: undefined,
      severity: undefined,
    };
    await dispatcher.deliver(normalizeRuleAdded({ event, rule: newRule, appUrl }));
    const silence = {
      intake: { uuid: 'i1', name: undefined },
      silentSince: 0,
      silentForMs: 7_200_000,
      backAt: 5,
    };
    await dispatcher.deliver(normalizeIntakeSilence({ event, silence, appUrl }));
    const alertUuid = readBack(cardDeliveryJob, queued[0]).alertUuid;
    // A channel's first card: its own lane, claimed before ordinary jobs.
    expect(readBack(cardDeliveryJob, queued[0]).lane).toBe('first');
    expect(queued[0]?.priority).toBe(JOB_PRIORITY.high);
    expect(readBack(compactDeliveryJob, queued[1]).trigger).toBe('rule-added');
    expect(readBack(compactDeliveryJob, queued[2]).summary.badge).toBeDefined();
    await cards.put({
      alertUuid,
      channel,
      messageId: 'm1',
      creatingSince: 0,
      ruleId: 'r7k2',
      ruleName: null,
      status: null,
      shownAt: 0,
    });
    await createCardRefresher({ cards, enqueue })(alertUuid);
    expect(readBack(cardDeliveryJob, queued[3])).toEqual({ alertUuid, channel, rule: null, lane: 'click' });
    expect(queued[3]?.priority).toBe(JOB_PRIORITY.urgent);
  });

  it('rule-added: what the Rules Catalog watcher enqueues', async () => {
    const keyv = new Keyv();
    let page: CatalogRuleFields[] = [
      { uuid: 'u1', name: 'Old', description: undefined, pattern: undefined, severity: undefined },
    ];
    const watch = createRulesCatalogWatch({
      source: { listPage: async () => page },
      records: keyv,
      enqueue,
      log,
    });
    await watch();
    page = [...page, { uuid: 'u2', name: 'New', description: 'd', pattern: undefined, severity: 80 }];
    await watch();
    expect(readBack(ruleAddedJob, queued[0])).toEqual({
      uuid: 'u2',
      name: 'New',
      description: 'd',
      severity: 80,
    });
  });

  it('intake-silence: what the intake silence check enqueues, silent and back', async () => {
    const silent = rule('intake-silent', [
      { key: 'intake', op: '=', values: ['Firewall EU'] },
      { key: 'for', op: '=', values: ['2h'] },
    ]);
    let count = 0;
    const check = createIntakeSilenceCheck({
      source: {
        listIntakes: async () => [{ uuid: 'i1', name: 'Firewall EU' }],
        countEvents: async () => count,
      },
      rules: { listAll: async () => [silent] },
      ledger: createIntakeSilenceLedger(new Keyv()),
      enqueue,
      clock,
      log,
      pause: async () => {},
    });
    clock.advance(10 * 3_600_000);
    await check();
    count = 3;
    await check();
    expect(readBack(intakeSilenceJob, queued[0]).backAt).toBeUndefined();
    expect(readBack(intakeSilenceJob, queued[1]).backAt).toBe(clock.now());
  });
});

describe('job payloads are read in one place', () => {
  const src = join(import.meta.dirname, '..', '..', 'src');
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? files(join(dir, entry.name))
        : entry.name.endsWith('.ts')
          ? [join(dir, entry.name)]
          : [],
    );

  it('leaves parsing and checking to the worker: no handler reads job.payload, no payload is cast', () => {
    const offenders = files(src)
      .filter((path) => !relative(src, path).startsWith('queue/'))
      .filter((path) =>
        /\bjob\.payload\b|JSON\.parse\([^)]*payload[^)]*\)\s+as\b/.test(readFileSync(path, 'utf8')),
      )
      .map((path) => relative(src, path));
    expect(offenders).toEqual([]);
  });
});
