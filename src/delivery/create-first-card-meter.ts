/** Tells a channel's first cards (after a quiet spell) from the cards of a busy channel. */
export interface FirstCardMeter {
  /** Counts a new card for the channel; true when it is among the first `allowance` of its window. */
  admit(channel: string, now: number): boolean;
}

/**
 * A sliding count of new cards per channel, in memory (a restart only makes a few more cards
 * "first"). A quiet channel's first cards go before the backlog of a storm elsewhere; a channel in a
 * storm gets `allowance` such cards per window, the rest take their turn with the other updates.
 */
export function createFirstCardMeter(
  options: { windowMs?: number; allowance?: number } = {},
): FirstCardMeter {
  const windowMs = options.windowMs ?? 60_000;
  const allowance = options.allowance ?? 3;
  const recent = new Map<string, number[]>();
  let admitted = 0;

  const forgetQuiet = (now: number) => {
    for (const [channel, times] of recent) if ((times.at(-1) ?? 0) <= now - windowMs) recent.delete(channel);
  };

  return {
    admit(channel, now) {
      if (++admitted % 1_000 === 0) forgetQuiet(now);
      const times = (recent.get(channel) ?? []).filter((at) => at > now - windowMs);
      const first = times.length < allowance;
      times.push(now);
      // Only the newest `allowance` times matter for the next question.
      recent.set(channel, times.slice(-allowance));
      return first;
    },
  };
}
