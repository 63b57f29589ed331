import { z } from 'zod';
import type { AlertSummary } from '../normalize/notification.ts';
import type { ChannelRef } from '../rules/rule.ts';
import { type RollupLine, rollupLine } from './rollup-state.ts';
import { channelRefSchema } from './storm-policy.ts';

/** The status a new alert has; a card's acknowledgement is the first time its status is another. */
export const PENDING_STATUS = 'Pending';

export const historyEntrySchema = z.strictObject({
  channel: channelRefSchema,
  /** The alert as its card last showed it (title, urgency, status, link), as a summary line lists it. */
  line: z.strictObject({
    uuid: z.string().min(1).max(100),
    shortId: z.string().max(40).nullable(),
    title: z.string().max(120),
    urgency: z.number().nullable(),
    level: z.enum(['high', 'medium', 'low', 'unknown']),
    status: z.string().max(60).nullable(),
    link: z.string().max(2_048),
  }),
  ruleId: z.string().max(40),
  ruleName: z.string().max(200).nullable(),
  postedAt: z.number(),
  /** When the card's status first left Pending (from chat or Sekoia.io); null while it has not. */
  acknowledgedAt: z.number().nullable(),
});

/** One alert card posted in a channel, as the daily digest reads it back. */
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** What the card job tells the history when it posts a card or shows a new status on one. */
export interface CardShown {
  channel: ChannelRef;
  alert: AlertSummary;
  ruleId: string;
  ruleName: string | null;
  /** When the card was posted (a new card), or when the alert was seen with this status. */
  at: number;
}

/**
 * The channel's history of alert cards (implemented in storage/, kept about a week). `posted` and
 * `statusChanged` of one card are called one at a time (under the card's lock); different cards of
 * a channel may be noted at once, from several replicas.
 */
export interface CardHistory {
  posted(shown: CardShown): Promise<void>;
  /** Ignored for a card the history does not hold (posted before it existed, or expired). */
  statusChanged(shown: CardShown): Promise<void>;
  /** The cards posted in the channel in [from, to), oldest first. */
  postedBetween(channel: ChannelRef, from: number, to: number): Promise<HistoryEntry[]>;
}

/** The entry of a card just posted: one posted already out of Pending was never acknowledged on it. */
export function postedEntry(shown: CardShown): HistoryEntry {
  return {
    channel: shown.channel,
    line: rollupLine(shown.alert),
    ruleId: shown.ruleId.slice(0, 40),
    ruleName: shown.ruleName?.slice(0, 200) ?? null,
    postedAt: shown.at,
    acknowledgedAt: null,
  };
}

/** The entry once the card shows the alert's new status; the first move off Pending is kept. */
export function changedEntry(entry: HistoryEntry, shown: CardShown): HistoryEntry {
  const line: RollupLine = rollupLine(shown.alert);
  const leftPending =
    entry.acknowledgedAt === null && entry.line.status === PENDING_STATUS && line.status !== PENDING_STATUS;
  return {
    ...entry,
    line,
    acknowledgedAt: leftPending ? Math.max(shown.at, entry.postedAt) : entry.acknowledgedAt,
  };
}
