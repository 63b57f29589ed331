import { z } from 'zod';
import type { AlertSummary } from '../normalize/notification.ts';
import { countIn, emptyTally, type Tally, tallySchema } from './rollup-tally.ts';
import { channelRefSchema } from './storm-policy.ts';

/** Lines kept in each of "newest" and "most urgent". */
export const ROLLUP_LINES = 5;
const TITLE_CHARS = 120;

export const ROLLUP_LEVELS = ['high', 'medium', 'low', 'unknown'] as const;
export type RollupLevel = (typeof ROLLUP_LEVELS)[number];

const lineSchema = z.strictObject({
  uuid: z.string().min(1).max(100),
  shortId: z.string().max(40).nullable(),
  title: z.string().max(TITLE_CHARS),
  urgency: z.number().nullable(),
  level: z.enum(ROLLUP_LEVELS),
  status: z.string().max(60).nullable(),
  link: z.string().max(2_048),
});

/** One alert as the roll-up lists it. */
export type RollupLine = z.infer<typeof lineSchema>;

export const rollupStateSchema = z.strictObject({
  /** The storm's id in its channel (the time it opened, as text). */
  stormId: z.string().min(1).max(40),
  channel: channelRefSchema,
  openedAt: z.number(),
  /** When the newest alert went into the roll-up: the storm is over one window after it. */
  lastRolledAt: z.number(),
  closedAt: z.number().nullable(),
  /** The end of the edit slot whose edit is queued, and the time of the queued calm check. */
  editSlot: z.number(),
  calmAt: z.number(),
  budget: z.number().int(),
  windowMs: z.number().int(),
  ownCardAt: z.enum(['low', 'medium', 'high']),
  total: z.number().int().min(0),
  byLevel: z.strictObject({
    high: z.number().int().min(0),
    medium: z.number().int().min(0),
    low: z.number().int().min(0),
    unknown: z.number().int().min(0),
  }),
  byRule: tallySchema,
  byEntity: tallySchema,
  newest: z.array(lineSchema).max(ROLLUP_LINES),
  urgent: z.array(lineSchema).max(ROLLUP_LINES),
});

/**
 * One channel's roll-up card for one storm: counts and a few lines, never the alerts themselves, so it
 * stays a few KB however long the storm lasts.
 */
export type RollupState = z.infer<typeof rollupStateSchema>;

export function openRollup(
  start: Pick<RollupState, 'channel' | 'budget' | 'windowMs' | 'ownCardAt'>,
  now: number,
): RollupState {
  return {
    ...start,
    stormId: String(now),
    openedAt: now,
    lastRolledAt: now,
    closedAt: null,
    editSlot: 0,
    calmAt: 0,
    total: 0,
    byLevel: { high: 0, medium: 0, low: 0, unknown: 0 },
    byRule: emptyTally(),
    byEntity: emptyTally(),
    newest: [],
    urgent: [],
  };
}

export function rollupLine(alert: AlertSummary): RollupLine {
  return {
    uuid: alert.uuid,
    shortId: alert.shortId?.slice(0, 40) ?? null,
    title: (alert.title ?? '').slice(0, TITLE_CHARS),
    urgency: alert.urgency ?? null,
    level: alert.urgencyLevel ?? 'unknown',
    status: alert.status.name?.slice(0, 60) ?? null,
    link: alert.link.slice(0, 2_048),
  };
}

/** A new alert in the roll-up. */
export function addToRollup(state: RollupState, alert: AlertSummary, now: number): RollupState {
  const line = rollupLine(alert);
  return {
    ...state,
    lastRolledAt: now,
    total: state.total + 1,
    byLevel: { ...state.byLevel, [line.level]: state.byLevel[line.level] + 1 },
    byRule: countIn(state.byRule, alert.rule.name ?? 'unknown rule'),
    byEntity: countIn(state.byEntity, alert.entity.name ?? 'unknown entity'),
    newest: [line, ...state.newest].slice(0, ROLLUP_LINES),
    urgent: mostUrgent([...state.urgent, line]),
  };
}

/** An alert already in the roll-up changed: its line and its urgency count follow (`was`: its level so far). */
export function refreshInRollup(state: RollupState, alert: AlertSummary, was: RollupLevel): RollupState {
  const line = rollupLine(alert);
  const byLevel = { ...state.byLevel };
  if (was !== line.level && byLevel[was] > 0) {
    byLevel[was] -= 1;
    byLevel[line.level] += 1;
  }
  const replace = (lines: RollupLine[]) => lines.map((kept) => (kept.uuid === line.uuid ? line : kept));
  const others = state.urgent.filter((kept) => kept.uuid !== line.uuid);
  return { ...state, byLevel, newest: replace(state.newest), urgent: mostUrgent([...others, line]) };
}

export function closeRollup(state: RollupState, now: number): RollupState {
  return { ...state, closedAt: now };
}

/** The names with the most alerts, most first. */
export function topOf(tally: Tally, count: number) {
  return tally.top.slice(0, count);
}

function mostUrgent(lines: RollupLine[]): RollupLine[] {
  return lines.toSorted((a, b) => (b.urgency ?? -1) - (a.urgency ?? -1)).slice(0, ROLLUP_LINES);
}
