import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock, type ManualClock } from '../../src/clock.ts';
import { type FakeMattermost, startFakeMattermost } from '../fakes/fake-mattermost/index.ts';

/** The fake's limiter against Mattermost's (reference mattermost.md §6.7), on a clock the test moves. */
describe('fake Mattermost rate limiter', () => {
  let clock: ManualClock;
  let fake: FakeMattermost;

  beforeEach(async () => {
    clock = createManualClock();
    fake = await startFakeMattermost({ clock });
  });
  afterEach(async () => {
    await fake.close();
  });

  const me = () =>
    fetch(`${fake.url}/api/v4/users/me`, { headers: { Authorization: `BEARER ${fake.botToken}` } });

  it('is off by default: no headers, no refusal', async () => {
    for (let n = 0; n < 150; n += 1) expect((await me()).status).toBe(200);
    const response = await me();
    expect(response.headers.has('x-ratelimit-limit')).toBe(false);
    expect(fake.requestStats()).toEqual({ requests: 151, served: 151, rateLimited: 0 });
  });

  it('lets MaxBurst + 1 through at once with its headers, then refuses with a plain-text 429 and Retry-After', async () => {
    fake.enableRateLimit({ perSec: 10, maxBurst: 4 });
    const remaining: string[] = [];
    for (let n = 0; n < 5; n += 1) {
      const response = await me();
      expect(response.status).toBe(200);
      expect(response.headers.get('x-ratelimit-limit')).toBe('5');
      remaining.push(response.headers.get('x-ratelimit-remaining') ?? '');
    }
    expect(remaining).toEqual(['4', '3', '2', '1', '0']);
    const refused = await me();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.headers.get('x-ratelimit-reset')).toBe('1');
    expect(await refused.text()).toBe('limit exceeded\n');
    // One emission interval later, one more request may go.
    clock.advance(100);
    expect((await me()).status).toBe(200);
    expect((await me()).status).toBe(429);
    expect(fake.requestStats()).toEqual({ requests: 8, served: 6, rateLimited: 2 });
  });

  it('refills at PerSec and resets its counters on demand', async () => {
    fake.enableRateLimit({ perSec: 10, maxBurst: 0 });
    expect((await me()).status).toBe(200);
    expect((await me()).status).toBe(429);
    clock.advance(1_000);
    expect((await me()).status).toBe(200);
    fake.resetRequestStats();
    fake.disableRateLimit();
    expect((await me()).status).toBe(200);
    expect(fake.requestStats()).toEqual({ requests: 1, served: 1, rateLimited: 0 });
  });
});
