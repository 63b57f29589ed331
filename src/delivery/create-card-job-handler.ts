import type { Clock } from '../clock.ts';
import { createKeyedMutex } from '../create-keyed-mutex.ts';
import type { Logger } from '../log.ts';
import type { JobHandler } from '../queue/job-kind.ts';
import type { NewJob } from '../queue/job-queue.ts';
import { type AlertCard, buildAlertCard } from './alert-card.ts';
import type { AlertState, AlertStateStore } from './alert-state-store.ts';
import type { CardHistory, CardShown } from './card-history.ts';
import { type CardJob, channelKey } from './card-job.ts';
import { cardMentions } from './card-mentions.ts';
import { type CardSinks, type CardTarget, sinkOf } from './card-sink.ts';
import type { CardRecord, CardStore } from './card-store.ts';
import type { CardLock } from './create-card-lock.ts';
import type { PlatformNames } from './platform-names.ts';
import { postOrRecover } from './post-or-recover.ts';
import { reminderJobs } from './reminder-job.ts';

export interface CreateCardJobHandlerOptions {
  sinks: CardSinks;
  /** Names the platform an activity came from, on the card and in its thread. */
  names: PlatformNames;
  cards: CardStore;
  states: AlertStateStore;
  clock: Clock;
  /** How far back to look for a card posted before a crash, before the marker's time. */
  lookbackMs?: number;
  /** Across replicas (the in-process mutex covers this process only). */
  lock?: CardLock;
  /** Queues the reminders of a new card whose rule has `--remind`; without it, none are. */
  enqueue?: (job: NewJob) => Promise<unknown>;
  /** Notes each card posted and each status it shows, for the daily digest; none kept when absent. */
  history?: CardHistory;
}

/**
 * Brings one alert's card in one channel up to date. Jobs of the same card run one at a time, so two
 * quick updates never post two cards; every job renders the newest alert state, so jobs may finish in
 * any order. At-least-once is made safe by the card map: a repeated job edits, it never posts again.
 */
export function createCardJobHandler(options: CreateCardJobHandlerOptions): JobHandler<CardJob> {
  const { cards, states, clock, names } = options;
  const lookbackMs = options.lookbackMs ?? 60_000;
  const mutex = createKeyedMutex();

  const bringUpToDate = async (job: CardJob, log: Logger) => {
    const state = await states.get(job.alertUuid);
    if (state === undefined)
      return log.warn({ alertUuid: job.alertUuid }, 'alert state gone; card left as is');
    const sink = sinkOf(options.sinks, job.channel.platform);
    if (sink === undefined)
      return log.warn({ platform: job.channel.platform }, 'platform not enabled; card dropped');
    const existing = await cards.get(job.alertUuid, job.channel);
    if (existing === undefined && job.rule === null) return;
    const mentions = cardMentions(job.rule?.notify, state.notification.alert.urgencyLevel);
    const record: CardRecord = existing ?? {
      alertUuid: job.alertUuid,
      channel: job.channel,
      messageId: null,
      creatingSince: clock.now(),
      ruleId: job.rule?.id ?? '',
      ruleName: job.rule?.name ?? null,
      // Fixed when the card is created: every later render shows the same, so an edit never pings.
      ...(mentions.length > 0 && { mentions: [...mentions] }),
      status: null,
      shownAt: 0,
    };
    const target: CardTarget = { channel: job.channel, ruleId: record.ruleId, lane: job.lane };
    const card = renderCard(state, record, names);
    if (record.messageId === null) {
      const { messageId, recovered } = await postOrRecover({
        cards,
        record,
        stored: existing !== undefined,
        lookbackMs,
        find: (sinceMs) => sink.findCard(target, job.alertUuid, sinceMs),
        post: () => sink.post(target, card),
        log,
      });
      if (recovered) {
        log.info({ alertUuid: job.alertUuid, messageId }, 'card found after an interrupted post');
        await sink.update(target, messageId, card);
      } else log.info({ alertUuid: job.alertUuid, messageId }, 'card posted');
      // Before the record: a try that fails after this posts or finds the card again, and queues
      // them again (dropped as duplicates); a record written first would let a failure lose them.
      const plan = job.rule?.remind;
      if (plan !== undefined && options.enqueue !== undefined) {
        const postedAt = recovered ? record.creatingSince : clock.now();
        const { alertUuid, channel } = job;
        const reminders = reminderJobs({ alertUuid, channel, ruleId: record.ruleId, plan, postedAt });
        await Promise.all(reminders.map(options.enqueue));
      }
      await cards.put(shown(record, messageId, state, card));
      return note('posted', shownIn(state, record, recovered ? record.creatingSince : clock.now()), log);
    }
    await sink.update(target, record.messageId, card);
    if (record.status !== null && card.status !== undefined && record.status !== card.status) {
      const by = state.activity?.status === card.status ? state.activity : undefined;
      await sink.replyInThread(target, record.messageId, {
        shortId: card.shortId,
        from: record.status,
        to: card.status,
        by: by && { name: by.by, from: names.displayName(by.platform) },
      });
    }
    await cards.put(shown(record, record.messageId, state, card));
    if (record.status !== (card.status ?? null))
      await note('statusChanged', shownIn(state, record, state.notification.observedAt), log);
  };

  /**
   * After the card record: the card is shown whatever happens here. A note that fails is logged and
   * the digest misses it, rather than the job running again for it.
   */
  const note = async (what: 'posted' | 'statusChanged', shownCard: CardShown, log: Logger) => {
    if (options.history === undefined) return;
    await options.history[what](shownCard).catch((error: unknown) => {
      log.warn({ err: error, alertUuid: shownCard.alert.uuid }, 'card history not noted');
    });
  };

  return async (cardJob, _job, log) => {
    const cardLog = log.child({ alertUuid: cardJob.alertUuid, channel: cardJob.channel.channel });
    const key = `${cardJob.alertUuid}|${channelKey(cardJob.channel)}`;
    const lock = options.lock ?? ((_key, task) => task());
    await mutex.run(key, () => lock(key, () => bringUpToDate(cardJob, cardLog)));
  };
}

function renderCard(state: AlertState, record: CardRecord, names: PlatformNames): AlertCard {
  return buildAlertCard({
    notification: state.notification,
    matchedRule: { id: record.ruleId, name: record.ruleName ?? undefined },
    workflowActions: state.notification.workflow,
    lastActivity: state.activity ?? undefined,
    names,
    mentions: record.mentions ?? [],
  });
}

function shownIn(state: AlertState, record: CardRecord, at: number): CardShown {
  const { channel, ruleId, ruleName } = record;
  return { channel, alert: state.notification.alert, ruleId, ruleName, at };
}

function shown(record: CardRecord, messageId: string, state: AlertState, card: AlertCard): CardRecord {
  const { inFlight: _posted, ...kept } = record;
  return { ...kept, messageId, status: card.status ?? null, shownAt: state.notification.observedAt };
}
