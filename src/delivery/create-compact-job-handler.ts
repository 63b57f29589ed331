import type { Clock } from '../clock.ts';
import { createKeyedMutex } from '../create-keyed-mutex.ts';
import type { Logger } from '../log.ts';
import type { JobHandler } from '../queue/job-kind.ts';
import { channelKey } from './card-job.ts';
import { type CardSinks, sinkOf } from './card-sink.ts';
import type { CardStore } from './card-store.ts';
import type { CompactCard } from './compact-card.ts';
import type { CompactJob } from './compact-job.ts';
import type { CardLock } from './create-card-lock.ts';
import { postOrRecover } from './post-or-recover.ts';

/**
 * Posts a compact card, or edits the one already posted for the same subject in the channel (the
 * card map, keyed by subject, makes a repeated job an edit). Jobs of one card run one at a time.
 */
export function createCompactJobHandler(options: {
  sinks: CardSinks;
  cards: CardStore;
  clock: Clock;
  /** Across replicas (the in-process mutex covers this process only). */
  lock?: CardLock;
}): JobHandler<CompactJob> {
  const { cards, clock } = options;
  const mutex = createKeyedMutex();

  const deliver = async (job: CompactJob, log: Logger) => {
    const sink = sinkOf(options.sinks, job.channel.platform);
    if (sink === undefined)
      return log.warn({ platform: job.channel.platform }, 'platform not enabled; card dropped');
    const existing = await cards.get(job.subject, job.channel);
    if (existing === undefined && job.rule === null) return;
    const ruleId = existing?.ruleId ?? job.rule?.id ?? '';
    const card: CompactCard = {
      trigger: job.trigger,
      subject: job.subject,
      title: job.summary.title,
      link: job.summary.link,
      linkLabel: job.summary.linkLabel,
      tone: job.summary.tone,
      badge: job.summary.badge,
      facts: job.summary.facts,
      text: job.summary.text,
      matchedRule: { id: ruleId, name: existing?.ruleName ?? job.rule?.name ?? undefined },
    };
    const target = { channel: job.channel, ruleId };
    const record = existing ?? {
      alertUuid: job.subject,
      channel: job.channel,
      messageId: null,
      creatingSince: clock.now(),
      ruleId,
      ruleName: job.rule?.name ?? null,
      status: null,
      shownAt: 0,
    };
    if (record.messageId !== null) {
      await sink.updateCompact(target, record.messageId, card);
      return cards.put({ ...record, shownAt: clock.now() });
    }
    const { messageId, recovered } = await postOrRecover({
      cards,
      record,
      stored: existing !== undefined,
      lookbackMs: 60_000,
      find: (sinceMs) => sink.findCard(target, job.subject, sinceMs),
      post: () => sink.postCompact(target, card),
      log,
    });
    if (recovered) await sink.updateCompact(target, messageId, card);
    log.info({ subject: job.subject, messageId }, 'compact card posted');
    const { inFlight: _posted, ...kept } = record;
    await cards.put({ ...kept, messageId, shownAt: clock.now() });
  };

  return async (compact, _job, log) => {
    const key = `${compact.subject}|${channelKey(compact.channel)}`;
    const lock = options.lock ?? ((_key, task) => task());
    await mutex.run(key, () =>
      lock(key, () =>
        deliver(compact, log.child({ subject: compact.subject, channel: compact.channel.channel })),
      ),
    );
  };
}
