import { z } from 'zod';
import type { UrgencyLevel } from '../normalize/notification.ts';
import { platformIdSchema } from '../rules/platform-id.ts';
import { STORM_BUDGET_LIMITS, STORM_WINDOW_LIMITS } from '../rules/storm-limits.ts';

/** A channel's card budget: at most `budget` new alert cards per sliding `windowMs`. */
export interface StormBudget {
  budget: number;
  windowMs: number;
}

/** What `storm budget N per 5m` or `storm off` stored for a channel; none means the configured default. */
export const stormSettingSchema = z.union([
  z.strictObject({
    budget: z.number().int().min(STORM_BUDGET_LIMITS.min).max(STORM_BUDGET_LIMITS.max),
    windowMs: z.number().int().min(STORM_WINDOW_LIMITS.min).max(STORM_WINDOW_LIMITS.max),
  }),
  z.strictObject({ off: z.literal(true) }),
]);

export type StormSetting = z.infer<typeof stormSettingSchema>;

/** The configured defaults (STORM_BUDGET, STORM_WINDOW, STORM_OWN_CARD_URGENCY). */
export interface StormDefaults extends StormBudget {
  /** Alerts at or above this urgency get their own card even over budget. */
  ownCardAt: UrgencyLevel;
}

/** The budget in force in a channel: its own setting, else the default; null when budgets are off there. */
export function budgetInForce(
  setting: StormSetting | undefined,
  defaults: StormDefaults,
): StormBudget | null {
  if (setting === undefined) return { budget: defaults.budget, windowMs: defaults.windowMs };
  return 'off' in setting ? null : setting;
}

const LEVEL_RANK: Readonly<Record<UrgencyLevel, number>> = { low: 0, medium: 1, high: 2 };

/** An alert of unknown urgency is below every threshold. */
export function atOrAbove(level: UrgencyLevel | undefined, threshold: UrgencyLevel): boolean {
  return level !== undefined && LEVEL_RANK[level] >= LEVEL_RANK[threshold];
}

export const channelRefSchema = z.strictObject({
  platform: platformIdSchema,
  team: z.string(),
  channel: z.string().min(1),
});
