import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.ts';
import { CARD_JOB, type CardJob } from '../../src/delivery/card-job.ts';
import { createCardJobHandler } from '../../src/delivery/create-card-job-handler.ts';
import { createCardLock } from '../../src/delivery/create-card-lock.ts';
import { BotError } from '../../src/errors.ts';
import { createLogger } from '../../src/log.ts';
import type { AlertNotification } from '../../src/normalize/notification.ts';
import { PLATFORM_NAMES } from '../../src/platforms/platform-list.ts';
import type { Job } from '../../src/queue/job-queue.ts';
import { createKeyvCardStores } from '../../src/storage/create-keyv-card-stores.ts';
import { createStore, type Store } from '../../src/storage/create-store.ts';
import { createRecordingCardSink, type RecordingCardSink } from '../fakes/recording-card-sink.ts';

const log = createLogger({ level: 'silent' });
const channel = { platform: 'mattermost', team: 't1', channel: 'c1' } as const;

function notification(status: string, observedAt: number, similar = 1): AlertNotification {
  return {
    kind: 'alert',
    trigger: 'alert-updated',
    event: { id: `e${observedAt}`, type: 'alert', action: 'updated', createdAt: '', receivedAt: observedAt },
    alert: {
      uuid: 'a1',
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
      occurrences: similar,
      firstSeenAt: undefined,
      lastSeenAt: undefined,
      communityUuid: undefined,
      link: 'https://app.sekoia.io/operations/alerts/ALa1',
    },
    changes: [],
    enriched: true,
    workflow: status === 'Pending' ? ['acknowledge', 'validate', 'reject'] : ['validate', 'reject'],
    observedAt,
  };
}

describe('card job handler (real SQLite store, recording sink)', () => {
  const clock = createManualClock();
  let store: Store;
  let sink: RecordingCardSink;
  let stores: ReturnType<typeof createKeyvCardStores>;
  let handler: ReturnType<typeof createCardJobHandler>;
  let jobs = 0;

  const run = (job: CardJob) => {
    const queued: Job = {
      id: String(++jobs),
      kind: CARD_JOB,
      payload: JSON.stringify(job),
      attempts: 1,
      createdAt: clock.now(),
    };
    return handler(job, queued, log);
  };
  const matched: CardJob = { alertUuid: 'a1', channel, rule: { id: 'r7k2', name: null } };

  beforeEach(async () => {
    store = await createStore({ url: 'sqlite://:memory:', log });
    stores = createKeyvCardStores({ keyv: store.keyv('cards'), log });
    sink = createRecordingCardSink(() => clock.now());
    handler = createCardJobHandler({ sinks: { mattermost: sink }, ...stores, clock, names: PLATFORM_NAMES });
  });
  afterEach(async () => {
    await store.close();
  });

  it('posts once, then edits in place with a thread reply only when the status changes', async () => {
    await stores.states.offer({ notification: notification('Pending', 1), activity: null });
    await run(matched);
    await stores.states.offer({ notification: notification('Pending', 2, 5), activity: null });
    await run(matched);
    await stores.states.offer({ notification: notification('Acknowledged', 3, 5), activity: null });
    await run({ ...matched, rule: null });
    expect(sink.messages).toHaveLength(1);
    expect(sink.messages[0]).toMatchObject({ versions: 3, card: { status: 'Acknowledged', occurrences: 5 } });
    expect(sink.messages[0]?.thread).toEqual([
      { shortId: 'ALa1', from: 'Pending', to: 'Acknowledged', by: undefined },
    ]);
  });

  it('never posts two cards when jobs of one alert run at the same time', async () => {
    sink.delayMs = 20;
    await stores.states.offer({ notification: notification('Pending', 1), activity: null });
    await Promise.all([run(matched), run(matched), run(matched)]);
    expect(sink.messages).toHaveLength(1);
  });

  it('renders the newest state whatever order the jobs finish in', async () => {
    await stores.states.offer({ notification: notification('Acknowledged', 5), activity: null });
    await stores.states.offer({ notification: notification('Pending', 4), activity: null });
    await run(matched);
    expect(sink.messages[0]?.card.status).toBe('Acknowledged');
  });

  it('finds the card it posted before losing the answer, instead of posting a second one', async () => {
    await stores.states.offer({ notification: notification('Pending', 1), activity: null });
    sink.loseNextPostReply();
    await expect(run(matched)).rejects.toThrow(/connection reset/);
    clock.advance(30_000);
    await run(matched);
    expect(sink.lookups).toBe(1);
    expect(sink.messages).toHaveLength(1);
    expect(sink.messages[0]?.versions).toBe(2);
    expect((await stores.cards.get('a1', channel))?.messageId).toBe('m1');
  });

  it('posts a new card with no look-up, and after a 429 posts again at once, still with no look-up', async () => {
    await stores.states.offer({ notification: notification('Pending', 1), activity: null });
    sink.refuseNextPost(
      new BotError('delivery_failed', { retryAfterMs: 1_000, retryable: true, nothingDone: true }),
    );
    await expect(run(matched)).rejects.toMatchObject({ code: 'delivery_failed' });
    expect(await stores.cards.get('a1', channel)).toMatchObject({ messageId: null, inFlight: false });
    await run(matched);
    expect(sink.lookups).toBe(0);
    expect(sink.postAttempts).toBe(2);
    expect(sink.messages).toHaveLength(1);
    expect(sink.messages[0]?.versions).toBe(1);
    const record = await stores.cards.get('a1', channel);
    expect(record?.messageId).toBe('m1');
    expect(record).not.toHaveProperty('inFlight');
  });

  it('looks first after a failure that proves nothing (a 5xx), and posts when nothing was made', async () => {
    await stores.states.offer({ notification: notification('Pending', 1), activity: null });
    sink.refuseNextPost(new BotError('delivery_failed', { retryable: true }));
    await expect(run(matched)).rejects.toMatchObject({ code: 'delivery_failed' });
    expect(await stores.cards.get('a1', channel)).toMatchObject({ messageId: null, inFlight: true });
    await run(matched);
    expect(sink.lookups).toBe(1);
    expect(sink.messages).toHaveLength(1);
  });

  it('still looks for the card of a marker written before inFlight existed', async () => {
    await stores.states.offer({ notification: notification('Pending', 1), activity: null });
    const marker = {
      alertUuid: 'a1',
      channel,
      messageId: null,
      creatingSince: clock.now(),
      ruleId: 'r7k2',
      ruleName: null,
      status: null,
      shownAt: 0,
    };
    await store.keyv('cards').set(`card:a1:mattermost/c1`, marker);
    await run(matched);
    expect(sink.lookups).toBe(1);
    expect(sink.messages).toHaveLength(1);
  });

  it('lets one replica at a time update a card: the other gets a retryable error, never a second card', async () => {
    sink.delayMs = 30;
    const leases = store.leases({ clock });
    const replica = (owner: string) =>
      createCardJobHandler({
        sinks: { mattermost: sink },
        ...stores,
        clock,
        names: PLATFORM_NAMES,
        lock: createCardLock({ leases, owner }),
      });
    const [first, second] = [replica('replica-a'), replica('replica-b')];
    await stores.states.offer({ notification: notification('Pending', 1), activity: null });
    const job = (id: string): Job => ({
      id,
      kind: CARD_JOB,
      payload: JSON.stringify(matched),
      attempts: 1,
      createdAt: clock.now(),
    });
    const results = await Promise.allSettled([first(matched, job('1'), log), second(matched, job('2'), log)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused?.status === 'rejected' && refused.reason).toMatchObject({
      code: 'delivery_failed',
      retryable: true,
    });
    expect(sink.messages).toHaveLength(1);
    await second(matched, job('3'), log);
    expect(sink.messages).toHaveLength(1);
    expect(sink.messages[0]?.versions).toBe(2);
  });

  it('only updates, never creates, for a channel whose rule did not match', async () => {
    await stores.states.offer({ notification: notification('Pending', 1), activity: null });
    await run({ ...matched, rule: null });
    expect(sink.messages).toHaveLength(0);
  });
});
