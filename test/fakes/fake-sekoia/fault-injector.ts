/** A canned answer the fake gives instead of the real one. */
export interface CannedResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Which requests a fault applies to; by default, any. */
export type RequestFilter = (request: { method: string; path: string }) => boolean;

export type Fault = { kind: 'respond'; response: CannedResponse } | { kind: 'drop' };

export interface FailOptions {
  /** Seconds (number) or a raw header value such as an HTTP date. */
  retryAfter?: number | string;
  body?: unknown;
  match?: RequestFilter;
}

const DEFAULT_BODIES: Readonly<Record<number, unknown>> = {
  401: { message: 'The token is invalid', code: 'T300' },
  403: { message: 'You are not allowed to perform this action' },
  404: { message: 'Not found' },
  429: { message: 'Too many requests' },
};

export function defaultErrorBody(status: number): unknown {
  return DEFAULT_BODIES[status] ?? { message: status >= 500 ? 'Service unavailable' : 'Bad request' };
}

export interface FaultInjector {
  respondNext(count: number, response: CannedResponse, match?: RequestFilter): void;
  failNext(count: number, status: number, options?: FailOptions): void;
  /** The next matching requests get their connection destroyed (a network error for the client). */
  dropNext(count: number, match?: RequestFilter): void;
  /** Until called again with false, every request gets 503. */
  setDown(down: boolean): void;
  setLatency(ms: number): void;
  latencyMs(): number;
  /** Consumes and returns the fault for this request, if any. */
  take(request: { method: string; path: string }): Fault | undefined;
}

interface Pending {
  remaining: number;
  fault: Fault;
  match: RequestFilter;
}

export function createFaultInjector(): FaultInjector {
  const queue: Pending[] = [];
  let down = false;
  let latency = 0;
  const any: RequestFilter = () => true;
  const enqueue = (count: number, fault: Fault, match: RequestFilter = any) => {
    if (count > 0) queue.push({ remaining: count, fault, match });
  };
  return {
    respondNext: (count, response, match) => enqueue(count, { kind: 'respond', response }, match),
    failNext(count, status, options = {}) {
      const headers =
        options.retryAfter === undefined ? undefined : { 'retry-after': String(options.retryAfter) };
      const response = {
        status,
        body: options.body ?? defaultErrorBody(status),
        ...(headers ? { headers } : {}),
      };
      enqueue(count, { kind: 'respond', response }, options.match);
    },
    dropNext: (count, match) => enqueue(count, { kind: 'drop' }, match),
    setDown: (value) => {
      down = value;
    },
    setLatency: (ms) => {
      latency = ms;
    },
    latencyMs: () => latency,
    take(request) {
      if (down) return { kind: 'respond', response: { status: 503, body: defaultErrorBody(503) } };
      const pending = queue.find((entry) => entry.match(request));
      if (pending === undefined) return undefined;
      pending.remaining -= 1;
      if (pending.remaining === 0) queue.splice(queue.indexOf(pending), 1);
      return pending.fault;
    },
  };
}
