import type { UrgencyLevel } from '../normalize/notification.ts';
import { compileCondition } from '../rules/compile-condition.ts';
import type { PreparedFacts } from '../rules/prepare-facts.ts';
import { PREVIEW_DAYS } from './tally-preview.ts';

/** Above this many cards a day on average, the preview suggests a tighter rule (issue 15: "~50/day"). */
export const NOISY_PER_DAY = 50;
const TIGHTER: readonly UrgencyLevel[] = ['medium', 'high'];

export interface Suggestion {
  /** The condition to add, as typed: `urgency>=high`. */
  condition: string;
  /** Cards a day on average with it, over the same alerts. */
  perDay: number;
}

/**
 * For a noisy rule, the lowest urgency floor that brings it under NOISY_PER_DAY, or else the highest
 * that cuts it at all; computed on the same alerts with the live matcher's own test of the condition.
 */
export function suggestTightening(matched: readonly PreparedFacts[]): Suggestion | undefined {
  if (Math.round(matched.length / PREVIEW_DAYS) <= NOISY_PER_DAY) return undefined;
  let best: (Suggestion & { count: number }) | undefined;
  for (const level of TIGHTER) {
    const test = compileCondition({ key: 'urgency', op: '>=', values: [level] });
    const count = matched.filter(test).length;
    // A higher floor that cuts no more than a lower one is not worth its missed alerts.
    if (count >= (best?.count ?? matched.length)) continue;
    best = { count, condition: `urgency>=${level}`, perDay: Math.round(count / PREVIEW_DAYS) };
    if (best.perDay <= NOISY_PER_DAY) break;
  }
  return best && { condition: best.condition, perDay: best.perDay };
}
