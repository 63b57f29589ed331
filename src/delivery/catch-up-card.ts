import { formatTime } from '../format-time.ts';
import type { AlertSummary } from '../normalize/notification.ts';
import type { ChannelRef } from '../rules/rule.ts';
import { type RollupCard, rollupFacts } from './rollup-card.ts';
import { addToRollup, openRollup } from './rollup-state.ts';
import { countIn, emptyTally } from './rollup-tally.ts';

/** Statuses named on the card; the rest are counted together. */
const STATUSES_SHOWN = 6;

/**
 * The one card a channel gets for a catch-up that would have posted more than `summaryOver` new
 * cards there (after a long outage of the bot or of the WebHooks): counts by urgency, status, rule and
 * entity, and the most urgent and newest alerts with links, as a roll-up card (the same renderers).
 */
export function buildCatchUpCard(input: {
  batchId: string;
  channel: ChannelRef;
  alerts: readonly AlertSummary[];
  summaryOver: number;
  since: number;
}): RollupCard {
  let rollup = openRollup({ channel: input.channel, budget: 0, windowMs: 0, ownCardAt: 'high' }, input.since);
  let statuses = emptyTally();
  for (const alert of input.alerts) {
    rollup = addToRollup(rollup, alert, input.since);
    statuses = countIn(statuses, alert.status.name ?? 'unknown status');
  }
  const total = input.alerts.length;
  const shownStatuses = statuses.top.slice(0, STATUSES_SHOWN);
  const rest =
    statuses.top.slice(STATUSES_SHOWN).reduce((sum, entry) => sum + entry.count, 0) + statuses.others;
  const byStatus = [
    ...shownStatuses.map((entry) => `${entry.count} ${entry.name}`),
    ...(rest > 0 ? [`${rest} other`] : []),
  ].join(' · ');
  const [byUrgency, ...others] = rollupFacts(rollup);
  return {
    stormId: input.batchId,
    kind: 'catch-up',
    closed: true,
    title: `Catch-up: ${total} alert${total === 1 ? '' : 's'} missed while the bot was not notified`,
    note: `No WebHook came for these alerts (the bot or its WebHooks were down); the catch-up of ${formatTime(input.since)} found them. More than ${input.summaryOver} would have been posted here, so they are summed up instead of getting a card each; one that changes from now on gets its card. Statuses are as of now.`,
    facts: [...(byUrgency ? [byUrgency] : []), { title: 'By status', value: byStatus || 'none' }, ...others],
    mostUrgent: rollup.urgent,
    newest: rollup.newest,
  };
}
