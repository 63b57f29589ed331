import type { AlertSummary } from '../normalize/notification.ts';
import type { ChannelRef, RuleMatch } from '../rules/rule.ts';
import { channelKey } from './card-job.ts';
import type { StormLedger } from './create-storm-ledger.ts';

/**
 * The matches (one per channel) that get a card job: where the alert already has a card (it is kept
 * current), and where it would be new and the channel's budget admits it. Over budget the ledger
 * takes the alert into the channel's roll-up instead; it also refreshes the alert's line in the
 * roll-ups that hold it, matched or not. Without a ledger every match gets its card.
 */
export async function admitNewCards(
  storms: StormLedger | undefined,
  alert: AlertSummary,
  matches: ReadonlyMap<string, RuleMatch>,
  shown: readonly ChannelRef[],
): Promise<RuleMatch[]> {
  if (storms === undefined) return [...matches.values()];
  const shownKeys = new Set(shown.map(channelKey));
  const candidates = [...matches.values()].filter((match) => !shownKeys.has(channelKey(match.channel)));
  const admitted = new Set(
    (
      await storms.admit(
        alert,
        candidates.map((match) => match.channel),
      )
    ).map(channelKey),
  );
  return [...matches.values()].filter(
    (match) => shownKeys.has(channelKey(match.channel)) || admitted.has(channelKey(match.channel)),
  );
}
