import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.ts';
import type { AlertState } from '../../src/delivery/alert-state-store.ts';
import { CARD_JOB } from '../../src/delivery/card-job.ts';
import { CATCH_UP_CLOSE_JOB } from '../../src/delivery/catch-up-jobs.ts';
import type { CatchUpStore } from '../../src/delivery/catch-up-store.ts';
import { createCatchUpCloseHandler } from '../../src/delivery/create-catch-up-close-handler.ts';
import { type CatchUpLedger, createCatchUpLedger } from '../../src/delivery/create-catch-up-ledger.ts';
import { createLogger } from '../../src/log.ts';
import { renderRollupPost } from '../../src/platforms/mattermost/render-rollup-post.ts';
import type { Job, NewJob } from '../../src/queue/job-queue.ts';
import { createKeyvCatchUpStore } from '../../src/storage/create-keyv-catch-up-store.ts';
import { createStore, type Store } from '../../src/storage/create-store.ts';
import { createRecordingCardSink, type RecordingCardSink } from '../fakes/recording-card-sink.ts';
import { stateObservedAt } from '../watchers/catch-up-alerts.ts';
import { stormAlert } from './storm-alerts.ts';

const log = createLogger({ level: 'silent' });
const SOC = { platform: 'mattermost', team: 't', channel: 'soc' };
const OPS = { platform: 'mattermost', team: 't', channel: 'ops' };
const rule = { id: 'r1', name: null };
const job: Job = { id: 'j1', kind: CATCH_UP_CLOSE_JOB, payload: '', attempts: 1, createdAt: 0 };

describe('catch-up batches (real SQLite store, recording sink)', () => {
  const clock = createManualClock(Date.UTC(2026, 11, 7, 9, 0));
  let dir: string;
  let store: Store;
  let batches: CatchUpStore;
  let jobs: NewJob[];
  let ledger: CatchUpLedger;
  let sink: RecordingCardSink;
  const states = new Map<string, AlertState>();

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'catch-up-'));
    store = await createStore({ url: `sqlite://${join(dir, 'bot.sqlite')}`, log });
    batches = createKeyvCatchUpStore({ keyv: store.keyv('catch-up'), log });
    jobs = [];
    ledger = createCatchUpLedger({ store: batches, clock, enqueue: async (queued) => jobs.push(queued) });
    sink = createRecordingCardSink(() => clock.now());
    for (let n = 1; n <= 4; n += 1) {
      const state = stateObservedAt(`a${n}`, clock.now());
      states.set(`a${n}`, {
        ...state,
        notification: {
          ...state.notification,
          alert: stormAlert(n, { status: n === 4 ? 'Closed' : 'Pending', urgency: 20 * n }),
        },
      });
    }
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const close = () =>
    createCatchUpCloseHandler({
      ledger,
      store: batches,
      states: { get: async (uuid) => states.get(uuid), offer: async (state) => state },
      sinks: { mattermost: sink },
      enqueue: async (queued) => jobs.push(queued),
      clock,
    })({ batchId: 'catch-up-1' }, job, log);
  const keysOf = (kind: string) =>
    jobs.filter((queued) => queued.kind === kind).flatMap((queued) => queued.dedupeKeys ?? []);

  it('holds the new cards of its alerts until all are dispatched, then sums up a flooded channel and posts the others', async () => {
    await ledger.open({ id: 'catch-up-1', expected: ['a1', 'a2', 'a3', 'a4'], summaryOver: 2 });
    expect(keysOf(CATCH_UP_CLOSE_JOB)).toEqual(['catch-up-close:catch-up-1:due']);
    expect(await ledger.admit('a9', [{ channel: SOC, rule }])).toEqual([SOC]);
    expect(
      await ledger.admit('a1', [
        { channel: SOC, rule },
        { channel: OPS, rule },
      ]),
    ).toEqual([]);
    expect(await ledger.admit('a2', [{ channel: SOC, rule }])).toEqual([]);
    // A second notification of the same alert (its WebHook came after all) is held once.
    expect(await ledger.admit('a2', [{ channel: SOC, rule }])).toEqual([]);
    expect(await ledger.admit('a3', [{ channel: SOC, rule }])).toEqual([]);
    expect(keysOf(CATCH_UP_CLOSE_JOB)).toHaveLength(1);
    // The last alert matches no channel: it still completes the batch.
    expect(await ledger.admit('a4', [])).toEqual([]);
    expect(keysOf(CATCH_UP_CLOSE_JOB)).toEqual([
      'catch-up-close:catch-up-1:due',
      'catch-up-close:catch-up-1:complete',
    ]);

    await close();
    expect(sink.rollupMessages).toHaveLength(1);
    const card = sink.rollupMessages[0]?.rollup;
    expect(card?.title).toBe('Catch-up: 3 alerts missed while the bot was not notified');
    // Its own footer: it is neither a storm roll-up nor alerts held by working hours.
    expect(card && renderRollupPost(card).props.attachments[0]?.footer).toBe('Sekoia.io · catch-up');
    expect(card?.facts).toContainEqual({ title: 'By status', value: '3 Pending' });
    expect(card?.facts[0]?.title).toBe('By urgency');
    expect(card?.mostUrgent.map((line) => line.uuid)).toEqual(['a3', 'a2', 'a1']);
    expect(sink.rollupMessages[0]?.channel).toBe('soc');
    expect(keysOf(CARD_JOB)).toEqual([`catch-up-card:catch-up-1:a1:mattermost/t/ops`]);

    // Closed: a late notification gets its card as usual; a repeated close edits, posts nothing.
    expect(await ledger.admit('a2', [{ channel: SOC, rule }])).toEqual([SOC]);
    await close();
    expect(sink.rollupMessages).toHaveLength(1);
    expect(keysOf(CARD_JOB)).toEqual([
      `catch-up-card:catch-up-1:a1:mattermost/t/ops`,
      `catch-up-card:catch-up-1:a1:mattermost/t/ops`,
    ]);
  });
});
