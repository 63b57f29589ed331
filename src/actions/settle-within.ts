/** What a piece of work came to by a deadline: its value, or nothing yet (it goes on by itself). */
export type WithinDeadline<T> = { inTime: true; value: T } | { inTime: false };

/**
 * Waits for `work` at most `deadlineMs`. The work is not cancelled at the deadline: the caller
 * answers with what it knows and lets the work finish in the background. The timer is cleared as
 * soon as the work settles, so nothing is left pending.
 */
export function settleWithin<T>(work: Promise<T>, deadlineMs: number): Promise<WithinDeadline<T>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve({ inTime: false }), deadlineMs);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve({ inTime: true, value });
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
