import type { Clock } from '../clock.ts';
import type { Logger } from '../log.ts';
import type { AlertNotification } from '../normalize/notification.ts';
import { encodeJob } from '../queue/encode-job.ts';
import { JOB_PRIORITY, type NewJob } from '../queue/job-queue.ts';
import { alertFacts } from '../rules/alert-facts.ts';
import type { ChannelRef, RuleMatch } from '../rules/rule.ts';
import type { TriggerFacts } from '../rules/trigger-facts.ts';
import type { CompactNotification } from '../triggers/trigger-table.ts';
import { admitNewCards } from './admit-new-cards.ts';
import type { AlertStateStore } from './alert-state-store.ts';
import { type CardJob, cardDeliveryJob, channelKey } from './card-job.ts';
import type { CardStore } from './card-store.ts';
import { type CompactJob, compactDeliveryJob } from './compact-job.ts';
import type { CatchUpLedger } from './create-catch-up-ledger.ts';
import { createFirstCardMeter, type FirstCardMeter } from './create-first-card-meter.ts';
import type { HoldLedger } from './create-hold-ledger.ts';
import type { StormLedger } from './create-storm-ledger.ts';
import type { DeliveryPort } from './delivery-port.ts';
import { holdCatchUpCards } from './hold-catch-up-cards.ts';
import { holdNewCards } from './hold-new-cards.ts';

/** What the dispatcher needs of the rules (the rule catalog provides it). */
export interface RuleMatcher {
  match(facts: TriggerFacts): RuleMatch[];
  recordMatch(ruleId: string, at: number): Promise<unknown>;
}

export interface CreateCardDispatcherOptions {
  rules: RuleMatcher;
  cards: CardStore;
  states: AlertStateStore;
  enqueue: (job: NewJob) => Promise<unknown>;
  clock: Clock;
  log: Logger;
  /** An event of a type with no card was kept (shown by `status`). */
  onKept?: (type: string) => Promise<void>;
  /** Card budgets: over a channel's budget, a new alert goes into its roll-up instead of a card. */
  storms?: StormLedger;
  /** Quiet hours and maintenance windows: outside them, a new alert may be held for a summary instead. */
  holds?: HoldLedger;
  /** Catch-up batches: their alerts' new cards wait for the batch's close (cards, or one summary). */
  catchUp?: CatchUpLedger;
  /** Which new cards are a channel's first after a quiet spell (default: 3 per minute and channel). */
  firstCards?: FirstCardMeter;
}

/**
 * Notification → one card job per channel: channels with a matching rule (a new card, or an edit of
 * theirs), and channels that already show the alert (their card is kept current even when no rule
 * matches the change). Per-channel jobs retry on their own, so a slow channel holds up no other.
 */
export function createCardDispatcher(options: CreateCardDispatcherOptions): DeliveryPort {
  const { rules, cards, states, clock, log } = options;
  const firstCards = options.firstCards ?? createFirstCardMeter();

  const deliverAlert = async (notification: AlertNotification) => {
    const { uuid } = notification.alert;
    await states.offer({ notification, activity: null });
    const matches = rules.match(alertFacts(notification));
    const shown = await cards.channelsOf(uuid);
    const caught = await holdCatchUpCards(options.catchUp, uuid, firstMatchPerChannel(matches), shown);
    const unheld = await holdNewCards(options.holds, notification, caught, shown);
    const admitted = await admitNewCards(options.storms, notification.alert, unheld, shown);
    const jobs = new Map<string, CardJob>();
    for (const match of admitted) {
      const { rule } = match;
      jobs.set(channelKey(match.channel), {
        alertUuid: uuid,
        channel: match.channel,
        rule: {
          id: rule.id,
          name: rule.name ?? null,
          ...(rule.notify && { notify: rule.notify }),
          ...(rule.remind && { remind: rule.remind }),
        },
      });
    }
    const shownKeys = new Set<string>();
    for (const channel of shown) {
      const key = channelKey(channel);
      shownKeys.add(key);
      if (!jobs.has(key)) jobs.set(key, { alertUuid: uuid, channel, rule: null });
    }
    // All at once: the queue stores them in one commit rather than one commit per channel.
    await Promise.all(
      [...jobs].map(([key, job]) => {
        // A quiet channel's new card goes before a storm's backlog (claimed sooner, served sooner);
        // the other card jobs come after waiting events, so that a quiet channel's event is not
        // stuck behind the cards a storm queued before it.
        const first = job.rule !== null && !shownKeys.has(key) && firstCards.admit(key, clock.now());
        return options.enqueue(
          encodeJob(cardDeliveryJob, first ? { ...job, lane: 'first' } : job, {
            dedupeKeys: [`card:${notification.event.id}:${notification.enriched ? 'api' : 'hook'}:${key}`],
            priority: first ? JOB_PRIORITY.high : JOB_PRIORITY.low,
          }),
        );
      }),
    );
    log.info(
      {
        notification: {
          eventId: notification.event.id,
          alertUuid: uuid,
          trigger: notification.trigger,
          enriched: notification.enriched,
        },
        channels: jobs.size,
      },
      'notification dispatched',
    );
    await recordMatches(rules, matches, clock.now(), log);
  };

  const deliverCompact = async (notification: CompactNotification) => {
    const { subject } = notification;
    const matches = rules.match(notification.facts);
    const jobs = new Map<string, CompactJob>();
    const job = (channel: ChannelRef, rule: CompactJob['rule']): CompactJob => ({
      subject,
      channel,
      rule,
      trigger: notification.trigger,
      summary: notification.summary,
    });
    for (const match of firstMatchPerChannel(matches).values()) {
      jobs.set(
        channelKey(match.channel),
        job(match.channel, { id: match.rule.id, name: match.rule.name ?? null }),
      );
    }
    for (const channel of await cards.channelsOf(subject)) {
      const key = channelKey(channel);
      if (!jobs.has(key)) jobs.set(key, job(channel, null));
    }
    for (const [key, compact] of jobs) {
      await options.enqueue(
        encodeJob(compactDeliveryJob, compact, { dedupeKeys: [`compact:${notification.event.id}:${key}`] }),
      );
    }
    log.info(
      { eventId: notification.event.id, trigger: notification.trigger, subject, channels: jobs.size },
      'notification dispatched',
    );
    await recordMatches(rules, matches, clock.now(), log);
  };

  return {
    deliver: async (notification) => {
      if (notification.kind === 'alert') return deliverAlert(notification);
      if (notification.kind === 'trigger') return deliverCompact(notification);
      // Unknown types are kept (stored, logged, counted, shown by `status`); no rule can ask for them yet.
      await options.onKept?.(notification.event.type);
      log.info(
        {
          eventId: notification.event.id,
          known: notification.known,
          type: notification.event.type.slice(0, 60),
        },
        'event kept; no card for this type',
      );
    },
  };
}

/** Several rules of one channel matching the same alert still make one card (the oldest rule's). */
function firstMatchPerChannel(matches: readonly RuleMatch[]): Map<string, RuleMatch> {
  const byChannel = new Map<string, RuleMatch>();
  for (const match of matches) {
    const key = channelKey(match.channel);
    const seen = byChannel.get(key);
    if (seen === undefined || match.rule.createdAt < seen.rule.createdAt) byChannel.set(key, match);
  }
  return byChannel;
}

/** Counters are best effort: a failure to count never holds back a card. */
async function recordMatches(rules: RuleMatcher, matches: RuleMatch[], at: number, log: Logger) {
  await Promise.all(
    matches.map((match) =>
      rules.recordMatch(match.rule.id, at).catch((error: unknown) => {
        log.warn({ err: error, ruleId: match.rule.id }, 'could not count a rule match');
      }),
    ),
  );
}
