import { z } from 'zod';
import type { ChannelRef } from '../rules/rule.ts';
import { type CardJob, cardJobSchema, channelKey } from './card-job.ts';
import { channelRefSchema } from './storm-policy.ts';

/** Alerts one catch-up run may queue (its pages × 100): the batch lists each of them. */
export const MAX_BATCH_ALERTS = 2_000;

const uuidList = z.array(z.string().min(1).max(100)).max(MAX_BATCH_ALERTS);

export const catchUpBatchSchema = z.strictObject({
  /** `catch-up-<run start ms>`. */
  id: z.string().min(1).max(40),
  openedAt: z.number(),
  /** Once closed, late notifications of its alerts get their cards as usual. */
  closedAt: z.number().nullable(),
  /** More new cards than this in one channel: a summary there instead. */
  summaryOver: z.number().int().min(1),
  /** The alerts the run queued, and those the dispatcher has seen since: all seen, the batch closes. */
  expected: uuidList,
  dispatched: uuidList,
  /** Per channel, the new cards held until the batch closes (the rule that matched each). */
  channels: z
    .array(
      z.strictObject({
        channel: channelRefSchema,
        held: z
          .array(z.strictObject({ uuid: z.string().min(1).max(100), rule: cardJobSchema.shape.rule }))
          .max(MAX_BATCH_ALERTS),
      }),
    )
    .max(1_000),
});

/**
 * The alerts one catch-up run queued, when there were more than a channel may get cards for: their
 * new cards are held per channel until every alert went through the dispatcher, then each channel
 * gets its cards, or one summary when more than `summaryOver` are held there.
 */
export type CatchUpBatch = z.infer<typeof catchUpBatchSchema>;

export function openCatchUpBatch(input: {
  id: string;
  expected: readonly string[];
  summaryOver: number;
  now: number;
}): CatchUpBatch {
  return {
    id: input.id,
    openedAt: input.now,
    closedAt: null,
    summaryOver: input.summaryOver,
    expected: [...new Set(input.expected)].slice(0, MAX_BATCH_ALERTS),
    dispatched: [],
    channels: [],
  };
}

/** The batch once an alert was dispatched, its new cards (one per channel) held. */
export function holdInCatchUp(
  batch: CatchUpBatch,
  alertUuid: string,
  cards: readonly { channel: ChannelRef; rule: CardJob['rule'] }[],
): CatchUpBatch {
  const channels = batch.channels.map((entry) => ({ ...entry, held: [...entry.held] }));
  for (const card of cards) {
    const key = channelKey(card.channel);
    let entry = channels.find((known) => channelKey(known.channel) === key);
    if (entry === undefined) {
      entry = { channel: card.channel, held: [] };
      channels.push(entry);
    }
    if (!entry.held.some((held) => held.uuid === alertUuid))
      entry.held.push({ uuid: alertUuid, rule: card.rule });
  }
  const dispatched = batch.dispatched.includes(alertUuid)
    ? batch.dispatched
    : [...batch.dispatched, alertUuid];
  return { ...batch, channels, dispatched };
}

/** Every alert the run queued has been dispatched: the batch can close. */
export function isCatchUpComplete(batch: CatchUpBatch): boolean {
  const dispatched = new Set(batch.dispatched);
  return batch.expected.every((uuid) => dispatched.has(uuid));
}
