import type { DurationLimits } from './parse-duration.ts';

const MINUTE = 60_000;

/** `storm budget N per <window>` and STORM_BUDGET: new cards per window (spec §5). */
export const STORM_BUDGET_LIMITS = { min: 1, max: 1_000 } as const;

/** `storm budget N per <window>` and STORM_WINDOW: from one minute to a day. */
export const STORM_WINDOW_LIMITS: DurationLimits = { label: 'window', min: MINUTE, max: 24 * 60 * MINUTE };
