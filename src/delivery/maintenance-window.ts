import { z } from 'zod';
import { compileCondition } from '../rules/compile-condition.ts';
import type { PreparedFacts } from '../rules/prepare-facts.ts';
import { channelRefSchema } from './storm-policy.ts';

/** Windows a channel may have open at once. */
export const MAX_MAINTENANCE_WINDOWS = 20;

export const maintenanceWindowSchema = z.strictObject({
  /** Short, typed back in `maintenance end <id>`. */
  id: z.string().min(1).max(12),
  channel: channelRefSchema,
  /** `entity="Lyon HQ"` or `asset=<name or uuid>`, checked and canonical as a rule's condition. */
  condition: z.strictObject({
    key: z.enum(['entity', 'asset']),
    op: z.literal('='),
    values: z.array(z.string().min(1).max(200)).min(1).max(20),
  }),
  /** The condition as typed, to show back. */
  label: z.string().max(300),
  reason: z.string().max(300),
  by: z.string().max(100),
  startsAt: z.number(),
  endsAt: z.number(),
});

/** A maintenance window on an entity or asset: its matching new alerts are held until it closes. */
export type MaintenanceWindow = z.infer<typeof maintenanceWindowSchema>;

/** Whether the alert (its prepared rule facts) is on the window's entity or asset, as a rule condition decides. */
export function windowCovers(window: MaintenanceWindow, facts: PreparedFacts): boolean {
  return compileCondition(window.condition)(facts);
}

export function isWindowOpen(window: MaintenanceWindow, now: number): boolean {
  return window.startsAt <= now && now < window.endsAt;
}

/** The batch of the alerts a window holds: by id and opening, as ids are free again once a window is over. */
export function windowBatchId(window: Pick<MaintenanceWindow, 'id' | 'startsAt'>): string {
  return `maintenance-${window.id}-${window.startsAt}`;
}
