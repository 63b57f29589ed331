import { describe, expect, it } from 'vitest';
import { computeBackoff } from '../../src/compute-backoff.ts';
import { parseRetryAfter } from '../../src/http/parse-retry-after.ts';
import { SEKOIA_BACKOFF } from '../../src/sekoia/send-sekoia-request.ts';

const NOW = Date.UTC(2026, 2, 2, 8, 0, 0);

describe('parseRetryAfter', () => {
  it.each([
    ['delta seconds', '1', 1000],
    ['zero', '0', 0],
    ['padded', ' 120 ', 120_000],
    ['an HTTP date 30 s ahead', 'Mon, 02 Mar 2026 08:00:30 GMT', 30_000],
    ['an HTTP date in the past', 'Mon, 02 Mar 2026 07:59:00 GMT', 0],
  ])('reads %s', (_name, header, expected) => {
    expect(parseRetryAfter(header, NOW)).toBe(expected);
  });

  it.each([null, undefined, '', 'soon', '-5', '2026-03-02'])('ignores %j', (header) => {
    expect(parseRetryAfter(header, NOW)).toBeUndefined();
  });
});

describe('Sekoia.io client backoff', () => {
  it('doubles from 500 ms with equal jitter and stops growing at 10 s', () => {
    const lowest = [1, 2, 3, 4, 5, 6, 7].map((attempt) =>
      computeBackoff(attempt, { random: () => 0, policy: SEKOIA_BACKOFF }),
    );
    const highest = [1, 2, 3, 4, 5, 6, 7].map((attempt) =>
      computeBackoff(attempt, { random: () => 1, policy: SEKOIA_BACKOFF }),
    );
    expect(lowest).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000]);
    expect(highest).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000]);
  });
});
