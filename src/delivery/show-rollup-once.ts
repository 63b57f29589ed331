import type { ChannelRef } from '../rules/rule.ts';
import type { CardSink } from './card-sink.ts';
import type { RollupCard } from './rollup-card.ts';
import type { RollupMessage } from './storm-store.ts';

/**
 * Shows a roll-up card (a storm's, or a held batch's summary): posts it the first time, edits it
 * after. A marker written before the first post makes a try after a crash look for the post before
 * making another. The caller runs one show per card at a time.
 */
export async function showRollupOnce(options: {
  sink: CardSink;
  channel: ChannelRef;
  card: RollupCard;
  known: RollupMessage | undefined;
  putMessage: (message: RollupMessage) => Promise<void>;
  now: number;
  /** How far back to look for a post made before a crash, before the marker's time. */
  lookbackMs: number;
}): Promise<{ messageId: string; posted: boolean }> {
  const { sink, card, known } = options;
  const target = { channel: options.channel, ruleId: '' };
  if (known?.messageId) {
    await sink.updateRollup(target, known.messageId, card);
    return { messageId: known.messageId, posted: false };
  }
  const since = known?.since ?? options.now;
  if (known === undefined) await options.putMessage({ messageId: null, since });
  // The marker was there: a post was interrupted, and may have been made.
  const found = known ? await sink.findRollup(target, card.stormId, since - options.lookbackMs) : undefined;
  if (found !== undefined) await sink.updateRollup(target, found, card);
  const messageId = found ?? (await sink.postRollup(target, card));
  await options.putMessage({ messageId, since });
  return { messageId, posted: found === undefined };
}
