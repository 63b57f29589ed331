import { formatTime } from '../format-time.ts';
import type { HeldBatch } from './held-batch.ts';
import { type RollupCard, rollupFacts } from './rollup-card.ts';

/**
 * The summary of a released batch, as a roll-up card (the same renderers, the same counts and linked
 * lines): what was held while the channel was outside its working hours, or during a maintenance
 * window. Lines show each alert's status at release, so one closed since says so.
 */
export function buildHeldCard(batch: HeldBatch): RollupCard {
  const { total } = batch.rollup;
  const alerts = `${total} alert${total === 1 ? ' was' : 's were'} held`;
  const { cause } = batch;
  const since = formatTime(batch.heldSince);
  const title =
    cause.kind === 'hours'
      ? `Outside working hours: ${alerts}`
      : `Maintenance on ${cause.label} is over: ${alerts}`;
  const note =
    cause.kind === 'hours'
      ? `Held since ${since}, outside this channel's working hours (${cause.hours}): alerts under ${cause.holdBelow} urgency wait for the opening; high ones were posted at once. Statuses are as of now.`
      : `Held since ${since} during the maintenance window on ${cause.label}${cause.reason ? ` (${cause.reason})` : ''}; high-urgency alerts were posted at once. Statuses are as of now.`;
  return {
    stormId: batch.id,
    kind: 'held',
    closed: true,
    title,
    note,
    facts: rollupFacts(batch.rollup),
    mostUrgent: batch.rollup.urgent,
    newest: batch.rollup.newest,
  };
}
