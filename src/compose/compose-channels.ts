import type { CardHistory } from '../delivery/card-history.ts';
import type { CardLock } from '../delivery/create-card-lock.ts';
import type { DigestPanel } from '../delivery/create-digest-panel.ts';
import type { HoldPanel } from '../delivery/create-hold-panel.ts';
import type { StormPanel } from '../delivery/create-storm-panel.ts';
import type { NewJob } from '../queue/job-queue.ts';
import { composeDigestPanel, composeDigests } from './compose-digests.ts';
import { composeHoldPanel } from './compose-holds.ts';
import type { Stores } from './compose-stores.ts';
import { composeStormPanel, composeStorms } from './compose-storms.ts';

/** The per-channel settings the commands see and change: storms, working hours and windows, the digest. */
export function composeChannelPanels(
  deps: Stores &
    Parameters<typeof composeStormPanel>[0] &
    Parameters<typeof composeDigestPanel>[0] & { enqueue: (job: NewJob) => Promise<unknown> },
): { storms: StormPanel; holds: HoldPanel; digests: DigestPanel } {
  return {
    storms: composeStormPanel(deps),
    holds: composeHoldPanel(deps),
    digests: composeDigestPanel(deps),
  };
}

/**
 * What the card jobs of every channel go through — card budgets, working hours and maintenance
 * windows at dispatch, the cards' history after — and the jobs of the summary cards: roll-ups, held
 * alerts, daily digests. `cardParts` goes to the card job handler.
 */
export function composeChannelJobs(
  deps: Parameters<typeof composeStorms>[0] & Parameters<typeof composeDigests>[0],
): ReturnType<typeof composeStorms> & { cardParts: { history: CardHistory; lock?: CardLock } } {
  const storms = composeStorms(deps);
  const digests = composeDigests(deps);
  const lock = deps.lock ? { lock: deps.lock } : {};
  return {
    ...storms,
    jobs: [...storms.jobs, ...digests.jobs],
    cardParts: { history: digests.history, ...lock },
  };
}
