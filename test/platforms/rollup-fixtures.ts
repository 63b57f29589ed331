import { buildRollupCard, type RollupCard } from '../../src/delivery/rollup-card.ts';
import { addToRollup, closeRollup, openRollup } from '../../src/delivery/rollup-state.ts';
import type { AlertSummary } from '../../src/normalize/notification.ts';
import { stormAlert } from '../delivery/storm-alerts.ts';

export const OPENED = Date.UTC(2026, 2, 2, 14, 2);

/** A roll-up of `count` alerts, each changed by `shape` (hostile text, a bad link…). */
export function rollupCard(
  count: number,
  shape: (alert: AlertSummary, n: number) => AlertSummary = (alert) => alert,
  options: { closed?: boolean } = {},
): RollupCard {
  let state = openRollup(
    {
      channel: { platform: 'mattermost', team: 't', channel: 'c' },
      budget: 20,
      windowMs: 300_000,
      ownCardAt: 'high',
    },
    OPENED,
  );
  for (let n = 1; n <= count; n += 1)
    state = addToRollup(state, shape(stormAlert(n, { urgency: 10 + (n % 60) }), n), OPENED + n * 1_000);
  return buildRollupCard(options.closed ? closeRollup(state, OPENED + 3_600_000) : state);
}

/** Every text field of an alert set to `text`. */
export function hostileAlert(alert: AlertSummary, text: string): AlertSummary {
  return {
    ...alert,
    shortId: text,
    title: text,
    status: { uuid: undefined, name: text },
    rule: { uuid: undefined, name: text },
    entity: { uuid: undefined, name: text },
  };
}
