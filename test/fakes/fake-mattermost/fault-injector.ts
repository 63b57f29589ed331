export type Fault =
  | { kind: 'rate-limit'; retryAfterSeconds: number }
  | { kind: 'fail'; status: number }
  | { kind: 'lose-answer' }
  | { kind: 'hold-answer' };

export interface FaultControls {
  /** The next `count` API calls get the rate limiter's 429 (reference §6.7). */
  rateLimitNext(count: number, retryAfterSeconds?: number): void;
  /** The next `count` API calls fail: JSON error, or a proxy's HTML page for 502. */
  failNext(count: number, status?: number): void;
  /**
   * The next `count` API calls are carried out (a post is stored), then the connection is reset
   * before the answer: the bot cannot tell whether it was done, as after a crash between its POST
   * and recording what it got.
   */
  loseAnswerNext(count: number): void;
  /** The next `count` API calls are carried out, then never answered (the caller may die waiting). */
  holdAnswerNext(count: number): void;
  /** While down, every connection is reset before an answer. */
  setDown(down: boolean): void;
}

export interface FaultInjector extends FaultControls {
  isDown(): boolean;
  /** Consumes the fault queued for the next API call, if any. */
  take(): Fault | undefined;
}

export function createFaultInjector(): FaultInjector {
  const queue: Fault[] = [];
  let down = false;
  const enqueue = (count: number, fault: Fault) => {
    for (let index = 0; index < count; index += 1) queue.push(fault);
  };
  return {
    rateLimitNext: (count, retryAfterSeconds = 1) =>
      enqueue(count, { kind: 'rate-limit', retryAfterSeconds }),
    failNext: (count, status = 503) => enqueue(count, { kind: 'fail', status }),
    loseAnswerNext: (count) => enqueue(count, { kind: 'lose-answer' }),
    holdAnswerNext: (count) => enqueue(count, { kind: 'hold-answer' }),
    setDown: (value) => {
      down = value;
    },
    isDown: () => down,
    take: () => queue.shift(),
  };
}
