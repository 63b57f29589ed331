import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.ts';
import { createRollupJobHandler } from '../../src/delivery/create-rollup-job-handler.ts';
import { ROLLUP_JOB } from '../../src/delivery/rollup-jobs.ts';
import { addToRollup, closeRollup, openRollup, type RollupState } from '../../src/delivery/rollup-state.ts';
import type { StormStore } from '../../src/delivery/storm-store.ts';
import { createLogger } from '../../src/log.ts';
import type { Job } from '../../src/queue/job-queue.ts';
import { createKeyvStormStore } from '../../src/storage/create-keyv-storm-store.ts';
import { createStore, type Store } from '../../src/storage/create-store.ts';
import { createRecordingCardSink, type RecordingCardSink } from '../fakes/recording-card-sink.ts';
import { stormAlert } from './storm-alerts.ts';

const log = createLogger({ level: 'silent' });
const channel = { platform: 'mattermost', team: 't', channel: 'soc' };
const job: Job = { id: 'j1', kind: ROLLUP_JOB, payload: '', attempts: 1, createdAt: 0 };

describe('roll-up job handler (real SQLite store, recording sink)', () => {
  const clock = createManualClock();
  let dir: string;
  let store: Store;
  let storms: StormStore;
  let sink: RecordingCardSink;
  let state: RollupState;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rollup-job-'));
    store = await createStore({ url: `sqlite://${join(dir, 'bot.sqlite')}`, log });
    storms = createKeyvStormStore({ keyv: store.keyv('storm'), log });
    sink = createRecordingCardSink(() => clock.now());
    state = openRollup({ channel, budget: 3, windowMs: 300_000, ownCardAt: 'high' }, clock.now());
    for (let n = 1; n <= 4; n += 1) state = addToRollup(state, stormAlert(n), clock.now());
    await storms.putStorm(state);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** One run of a roll-up job, by a handler as fresh as after a restart (state is in the store). */
  const handle = () =>
    createRollupJobHandler({ sinks: { mattermost: sink }, store: storms, clock })(
      { channel, stormId: state.stormId },
      job,
      log,
    );

  it('posts the roll-up once, then edits it to the current state, closed included', async () => {
    await handle();
    expect(sink.rollupMessages).toHaveLength(1);
    expect(sink.rollupMessages[0]?.rollup.title).toContain('4 alerts');
    await storms.putStorm(closeRollup(addToRollup(state, stormAlert(5), clock.now()), clock.now()));
    await handle();
    expect(sink.rollupMessages).toHaveLength(1);
    expect(sink.rollupMessages[0]).toMatchObject({ versions: 2 });
    expect(sink.rollupMessages[0]?.rollup.title).toMatch(/^Storm over: 5 alerts/);
  });

  it('finds the roll-up a lost reply left posted instead of posting a second one', async () => {
    sink.loseNextPostReply();
    await expect(handle()).rejects.toThrow('connection reset');
    await handle();
    expect(sink.rollupMessages).toHaveLength(1);
    expect(sink.rollupMessages[0]?.versions).toBe(2);
    await handle();
    expect(sink.rollupMessages).toHaveLength(1);
  });
});
