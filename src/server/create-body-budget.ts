/**
 * A process-wide allowance of bytes for request bodies being received or handled, so that many
 * slow, large senders together cannot grow the process without bound (spec §8).
 */
export interface BodyBudget {
  readonly maxBytes: number;
  /**
   * Holds `bytes` until the returned release is called (calling it again does nothing);
   * undefined, holding nothing, when that would spend more than the budget.
   */
  reserve(bytes: number): (() => void) | undefined;
  /** Bytes held right now. */
  held(): number;
}

export function createBodyBudget(options: { maxBytes: number }): BodyBudget {
  const { maxBytes } = options;
  let held = 0;
  return {
    maxBytes,
    reserve(bytes) {
      if (held + bytes > maxBytes) return undefined;
      held += bytes;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        held -= bytes;
      };
    },
    held: () => held,
  };
}
