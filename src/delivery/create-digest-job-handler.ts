import type { Clock } from '../clock.ts';
import { createKeyedMutex } from '../create-keyed-mutex.ts';
import type { JobHandler } from '../queue/job-kind.ts';
import type { NewJob } from '../queue/job-queue.ts';
import type { CardHistory } from './card-history.ts';
import { type CardSinks, sinkOf } from './card-sink.ts';
import type { CardLock } from './create-card-lock.ts';
import { buildDigestCard } from './digest-card.ts';
import { type DigestRun, digestRun, nextDigestAt } from './digest-setting.ts';
import type { DigestStore } from './digest-store.ts';
import { showRollupOnce } from './show-rollup-once.ts';
import { stormChannelKey } from './storm-store.ts';
import { summarizeDigest } from './summarize-digest.ts';
import { localDate } from './working-hours.ts';

const DAY_MS = 86_400_000;

/**
 * A channel's daily digest at its time: queues the next day's run, then shows the card for the 24
 * hours before the scheduled time, once (a repeated run finds its message and edits it). A run
 * whose setting changed since it was queued (another time, or `digest off`) does nothing.
 */
export function createDigestJobHandler(options: {
  store: DigestStore;
  history: CardHistory;
  sinks: CardSinks;
  enqueue: (job: NewJob) => Promise<unknown>;
  clock: Clock;
  lock?: CardLock;
}): JobHandler<DigestRun> {
  const { store, history, clock } = options;
  const mutex = createKeyedMutex();
  return async (run, _job, parent) => {
    const log = parent.child({ channel: run.channel.channel });
    const setting = await store.setting(run.channel);
    if (setting?.stamp !== run.stamp) return log.info('digest setting changed since queued; run skipped');
    // The next run before this one's card: a crash after posting still leaves tomorrow queued. After
    // a long outage the next is counted from now, so the missed days do not all run at once.
    const next = nextDigestAt(setting, Math.max(run.at, clock.now()));
    await options.enqueue(digestRun(run.channel, setting, next));
    const sink = sinkOf(options.sinks, run.channel.platform);
    if (sink === undefined)
      return log.warn({ platform: run.channel.platform }, 'platform not enabled; digest not shown');
    // One card per day and setting: a time changed after today's digest gets a card of its own.
    const digestId = `digest-${localDate(run.at, setting.timeZone)}-${setting.stamp}`;
    const key = `digest|${digestId}|${stormChannelKey(run.channel)}`;
    const lock = options.lock ?? ((_key, task) => task());
    await mutex.run(key, () =>
      lock(key, async () => {
        const from = run.at - DAY_MS;
        const summary = summarizeDigest(await history.postedBetween(run.channel, from, run.at));
        const { messageId, posted } = await showRollupOnce({
          sink,
          channel: run.channel,
          card: buildDigestCard({ digestId, summary, from, to: run.at }),
          known: await store.message(run.channel, digestId),
          putMessage: (message) => store.putMessage(run.channel, digestId, message),
          now: clock.now(),
          lookbackMs: 60_000,
        });
        if (posted) log.info({ messageId, cards: summary.total }, 'daily digest posted');
      }),
    );
  };
}
