import type { AlertNotification } from '../normalize/notification.ts';
import { alertFacts } from '../rules/alert-facts.ts';
import { prepareFacts } from '../rules/prepare-facts.ts';
import type { ChannelRef, RuleMatch } from '../rules/rule.ts';
import { channelKey } from './card-job.ts';
import type { HoldLedger } from './create-hold-ledger.ts';

/**
 * The matches (one per channel, by channelKey) left once quiet hours and maintenance windows have
 * held theirs: a channel that shows the alert already keeps its card current; where the card would
 * be new, the ledger may hold the alert until the window opens or closes. Without a ledger, all.
 */
export async function holdNewCards(
  holds: HoldLedger | undefined,
  notification: AlertNotification,
  matches: ReadonlyMap<string, RuleMatch>,
  shown: readonly ChannelRef[],
): Promise<ReadonlyMap<string, RuleMatch>> {
  if (holds === undefined) return matches;
  const shownKeys = new Set(shown.map(channelKey));
  const candidates = [...matches.values()].filter((match) => !shownKeys.has(channelKey(match.channel)));
  if (candidates.length === 0) return matches;
  const facts = prepareFacts(alertFacts(notification));
  const passed = await holds.admit(
    notification.alert,
    facts,
    candidates.map((match) => match.channel),
  );
  const passedKeys = new Set(passed.map(channelKey));
  return new Map([...matches].filter(([key]) => shownKeys.has(key) || passedKeys.has(key)));
}
