import type { LimitAnswer } from '../../delivery/create-platform-gate.ts';
import { parseRetryAfter } from '../../http/parse-retry-after.ts';

/**
 * What a Mattermost answer says of its limiter (reference mattermost.md §6.7): with the limiter on,
 * every answer carries `X-RateLimit-Limit`, `-Remaining` and `-Reset` (seconds until the bucket is
 * full, relative despite the docs), a 429 also `Retry-After`. Go writes them `X-Ratelimit-…`
 * (reference §7); fetch's Headers ignore case.
 */
export function readRateLimit(response: Response, nowMs: number): LimitAnswer {
  const { headers } = response;
  const remaining = readCount(headers.get('x-ratelimit-remaining'));
  const reset = readCount(headers.get('x-ratelimit-reset'));
  return {
    status: response.status,
    limited: headers.has('x-ratelimit-limit'),
    remaining,
    resetMs: reset === undefined ? undefined : reset * 1_000,
    retryAfterMs: parseRetryAfter(headers.get('retry-after'), nowMs),
  };
}

function readCount(value: string | null): number | undefined {
  if (value === null || !/^\d{1,9}$/.test(value.trim())) return undefined;
  return Number(value.trim());
}
