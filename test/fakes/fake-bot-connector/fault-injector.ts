export type ConnectorFault =
  | { kind: 'rate-limit'; retryAfterSeconds?: number }
  | { kind: 'fail'; status: number; code?: string }
  | { kind: 'accept-but-fail'; status: number }
  | { kind: 'accept-without-body'; status: 200 | 201 | 202 };

/** Faults on the connector REST API (reference teams.md §6); each consumes one `/v3/…` call. */
export interface ConnectorFaultControls {
  /** 429 `TooManyRequests`; `Retry-After` only when given, so the SDK retries only then (§6.2). */
  rateLimitNext(count: number, retryAfterSeconds?: number): void;
  /** Answers `status` (default 503) with the error JSON, doing nothing. */
  failNext(count: number, status?: number, code?: string): void;
  /**
   * Does the work (a post is stored), then answers `status` (default 502): the reply was lost on
   * the way back, so a retry by the SDK posts a duplicate.
   */
  acceptButFailNext(count: number, status?: number): void;
  /**
   * Does the work, then answers `status` (default 202) with no body, as Teams does for a message it
   * split (reference teams.md §3.4) and as its SDKs accept for any send (microsoft/teams.net#419:
   * "APX returns a 202 response w/o body when sending an activity"). Errors still answer as errors.
   */
  acceptWithoutBodyNext(count: number, status?: 200 | 201 | 202): void;
  /** While down, every connection is reset before an answer. */
  setDown(down: boolean): void;
}

export interface ConnectorFaultInjector extends ConnectorFaultControls {
  isDown(): boolean;
  /** Consumes the fault queued for the next API call, if any. */
  take(): ConnectorFault | undefined;
}

export function createConnectorFaultInjector(): ConnectorFaultInjector {
  const queue: ConnectorFault[] = [];
  let down = false;
  const enqueue = (count: number, fault: ConnectorFault) => {
    for (let index = 0; index < count; index += 1) queue.push(fault);
  };
  return {
    rateLimitNext: (count, retryAfterSeconds) =>
      enqueue(count, {
        kind: 'rate-limit',
        ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
      }),
    failNext: (count, status = 503, code) =>
      enqueue(count, { kind: 'fail', status, ...(code === undefined ? {} : { code }) }),
    acceptButFailNext: (count, status = 502) => enqueue(count, { kind: 'accept-but-fail', status }),
    acceptWithoutBodyNext: (count, status = 202) => enqueue(count, { kind: 'accept-without-body', status }),
    setDown: (value) => {
      down = value;
    },
    isDown: () => down,
    take: () => queue.shift(),
  };
}
