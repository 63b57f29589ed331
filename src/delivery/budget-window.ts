import { z } from 'zod';
import type { StormBudget } from './storm-policy.ts';

/** Enough for the largest budget (1,000) plus the alerts that got a card above it by urgency. */
const MAX_ENTRIES = 2_000;

export const budgetWindowSchema = z.strictObject({
  /** The new cards given in the channel, oldest first: when, and for which alert. */
  cards: z.array(z.strictObject({ at: z.number(), uuid: z.string().min(1).max(100) })).max(MAX_ENTRIES),
});

/** A channel's recent new cards: a sliding window kept in the store, so it survives a restart. */
export type BudgetWindow = z.infer<typeof budgetWindowSchema>;

export const emptyWindow = (): BudgetWindow => ({ cards: [] });

/** The entries still inside the window at `now`. */
export function withinWindow(window: BudgetWindow, now: number, windowMs: number): BudgetWindow {
  return { cards: window.cards.filter((entry) => entry.at > now - windowMs && entry.at <= now) };
}

/** True when the alert got its card in this window (a second notification before the card is recorded). */
export function admittedIn(window: BudgetWindow, uuid: string): boolean {
  return window.cards.some((entry) => entry.uuid === uuid);
}

/**
 * One more new card, if the budget allows it or the alert is urgent enough (`ownCard`); the window
 * keeps what was given, so both count against the budget.
 */
export function admitCard(
  window: BudgetWindow,
  request: { now: number; budget: StormBudget; uuid: string; ownCard: boolean },
): { admitted: boolean; window: BudgetWindow } {
  const current = withinWindow(window, request.now, request.budget.windowMs);
  if (!request.ownCard && current.cards.length >= request.budget.budget) {
    return { admitted: false, window: current };
  }
  const cards = [...current.cards, { at: request.now, uuid: request.uuid }].slice(-MAX_ENTRIES);
  return { admitted: true, window: { cards } };
}

/** When the window next has room (the oldest entry leaves it), or undefined when it has room now. */
export function roomAt(window: BudgetWindow, now: number, budget: StormBudget): number | undefined {
  const current = withinWindow(window, now, budget.windowMs).cards;
  if (current.length < budget.budget) return undefined;
  const leaving = current[current.length - budget.budget];
  return leaving === undefined ? undefined : leaving.at + budget.windowMs;
}
