import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock, type ManualClock } from '../../src/clock.ts';
import { type FakeBotConnector, startFakeBotConnector } from '../fakes/fake-bot-connector/index.ts';

/** The fake's opt-in Teams limits (reference teams.md §6.1), on a clock the test moves. */
describe('fake Bot Connector limits', () => {
  let clock: ManualClock;
  let fake: FakeBotConnector;

  beforeEach(async () => {
    clock = createManualClock();
    fake = await startFakeBotConnector({ clock });
  });
  afterEach(async () => {
    await fake.close();
  });

  const send = (conversationId: string) =>
    fetch(`${fake.serviceUrl}v3/conversations/${encodeURIComponent(conversationId)}/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'hello' }),
    });
  const statuses = async (conversationId: string, count: number) => {
    const seen: number[] = [];
    for (let n = 0; n < count; n += 1) seen.push((await send(conversationId)).status);
    return seen.map((status) => (status === 429 ? 429 : 'ok'));
  };

  it('is off by default', async () => {
    expect(await statuses('19:a@thread.tacv2', 20)).not.toContain(429);
    expect(fake.requestStats()).toMatchObject({ requests: 20, rateLimited: 0 });
  });

  it('allows 7 sends a second and 8 in two to one conversation, threads included, the others unaffected', async () => {
    fake.enableRateLimit();
    const channel = '19:a@thread.tacv2';
    expect(await statuses(`${channel};messageid=1`, 8)).toEqual([...Array(7).fill('ok'), 429]);
    const refused = await send(channel);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await refused.json()).toMatchObject({ error: { code: 'TooManyRequests' } });
    expect(await statuses('19:b@thread.tacv2', 1)).toEqual(['ok']);
    clock.advance(1_000);
    expect(await statuses(channel, 2)).toEqual(['ok', 429]);
    clock.advance(1_000);
    expect(await statuses(channel, 1)).toEqual(['ok']);
    expect(fake.requestStats()).toEqual({ requests: 13, served: 10, rateLimited: 3 });
  });

  it('allows 60 sends in 30 seconds to one conversation', async () => {
    fake.enableRateLimit();
    let accepted = 0;
    for (let second = 0; second < 30; second += 1) {
      for (const status of await statuses('19:c@thread.tacv2', 3)) if (status === 'ok') accepted += 1;
      clock.advance(1_000);
    }
    expect(accepted).toBe(60);
  });
});
