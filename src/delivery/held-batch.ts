import { z } from 'zod';
import type { AlertSummary } from '../normalize/notification.ts';
import {
  addToRollup,
  openRollup,
  ROLLUP_LEVELS,
  type RollupLevel,
  refreshInRollup,
  rollupStateSchema,
} from './rollup-state.ts';
import { channelRefSchema } from './storm-policy.ts';

/** Alerts of a batch tracked one by one (so an update is not counted twice); more are only counted. */
export const MAX_TRACKED = 1_000;

const causeSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('hours'),
    /** The opening that releases the batch. */
    opensAt: z.number(),
    /** `Mon–Fri 08:00–19:00 Europe/Paris`, and the threshold, as set when the first alert was held. */
    hours: z.string().max(200),
    holdBelow: z.enum(['medium', 'high']),
  }),
  z.strictObject({
    kind: z.literal('maintenance'),
    windowId: z.string().min(1).max(12),
    label: z.string().max(300),
    reason: z.string().max(300),
  }),
]);

export const heldBatchSchema = z.strictObject({
  /** `hours-<opening ms>` or `maintenance-<window id>-<its start>`: unique in its channel. */
  id: z.string().min(1).max(40),
  channel: channelRefSchema,
  cause: causeSchema,
  heldSince: z.number(),
  releasedAt: z.number().nullable(),
  held: z
    .array(z.strictObject({ uuid: z.string().min(1).max(100), level: z.enum(ROLLUP_LEVELS) }))
    .max(MAX_TRACKED),
  /**
   * The counts and lines, kept as a storm's roll-up is (rollup-state.ts), so that the summary is the
   * roll-up card. Its budget fields do not apply and are zero.
   */
  rollup: rollupStateSchema,
});

/** The alerts one channel holds for one closed window (quiet hours, or a maintenance window). */
export type HeldBatch = z.infer<typeof heldBatchSchema>;
export type HoldCause = HeldBatch['cause'];

export function openBatch(
  start: { id: string; channel: HeldBatch['channel']; cause: HoldCause },
  now: number,
): HeldBatch {
  const rollup = openRollup({ channel: start.channel, budget: 0, windowMs: 0, ownCardAt: 'high' }, now);
  return { ...start, heldSince: now, releasedAt: null, held: [], rollup: { ...rollup, stormId: start.id } };
}

/** A new alert in the batch, or the newer state of one it holds (its line and urgency count follow). */
export function holdInBatch(batch: HeldBatch, alert: AlertSummary, now: number): HeldBatch {
  const level: RollupLevel = alert.urgencyLevel ?? 'unknown';
  const tracked = batch.held.find((entry) => entry.uuid === alert.uuid);
  if (tracked !== undefined) {
    const held = batch.held.map((entry) => (entry.uuid === alert.uuid ? { ...entry, level } : entry));
    return { ...batch, held, rollup: refreshInRollup(batch.rollup, alert, tracked.level) };
  }
  const held = batch.held.length < MAX_TRACKED ? [...batch.held, { uuid: alert.uuid, level }] : batch.held;
  return { ...batch, held, rollup: addToRollup(batch.rollup, alert, now) };
}

/** The uuids of the alerts the summary lists (their lines are brought up to date at release). */
export function listedAlerts(batch: HeldBatch): string[] {
  return [...new Set([...batch.rollup.urgent, ...batch.rollup.newest].map((line) => line.uuid))];
}
