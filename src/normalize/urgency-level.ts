import type { UrgencyLevel } from './notification.ts';

/** Sekoia's current UI bands (reference §5.1): low 0–49, medium 50–74, high 75–100. */
export function urgencyLevel(value: number | undefined): UrgencyLevel | undefined {
  if (value === undefined || !Number.isFinite(value)) return undefined;
  if (value >= 75) return 'high';
  if (value >= 50) return 'medium';
  return 'low';
}
