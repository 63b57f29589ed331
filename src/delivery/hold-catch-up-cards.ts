import type { ChannelRef, RuleMatch } from '../rules/rule.ts';
import { channelKey } from './card-job.ts';
import type { CatchUpLedger } from './create-catch-up-ledger.ts';

/**
 * The matches (one per channel, by channelKey) left once an open catch-up batch has held the new
 * cards of its alert: a channel that shows the alert already keeps its card current; where the card
 * would be new, it waits for the batch's close (its card then, or one summary). Every notification of
 * an alert goes through here, so that the batch knows when all of its alerts were dispatched.
 */
export async function holdCatchUpCards(
  catchUp: CatchUpLedger | undefined,
  alertUuid: string,
  matches: ReadonlyMap<string, RuleMatch>,
  shown: readonly ChannelRef[],
): Promise<ReadonlyMap<string, RuleMatch>> {
  if (catchUp === undefined) return matches;
  const shownKeys = new Set(shown.map(channelKey));
  const candidates = [...matches.values()].filter((match) => !shownKeys.has(channelKey(match.channel)));
  const passed = await catchUp.admit(
    alertUuid,
    candidates.map(({ channel, rule }) => ({
      channel,
      rule: {
        id: rule.id,
        name: rule.name ?? null,
        ...(rule.notify && { notify: rule.notify }),
        ...(rule.remind && { remind: rule.remind }),
      },
    })),
  );
  const passedKeys = new Set(passed.map(channelKey));
  return new Map([...matches].filter(([key]) => shownKeys.has(key) || passedKeys.has(key)));
}
