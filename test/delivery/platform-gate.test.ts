import { beforeEach, describe, expect, it } from 'vitest';
import { createManualClock, type ManualClock } from '../../src/clock.ts';
import type { CardLane } from '../../src/delivery/card-lane.ts';
import { createGcraLimiter } from '../../src/delivery/create-gcra-limiter.ts';
import { createPlatformGate, type PlatformGateOptions } from '../../src/delivery/create-platform-gate.ts';
import { createWindowLimiter } from '../../src/delivery/create-window-limiter.ts';
import { createManualTimers } from './manual-timers.ts';

describe('platform gate', () => {
  let clock: ManualClock;
  let timers: ReturnType<typeof createManualTimers>;
  let sent: { name: string; at: number }[];

  beforeEach(() => {
    clock = createManualClock(0);
    timers = createManualTimers(clock);
    sent = [];
  });

  const gateOf = (options: Partial<PlatformGateOptions> = {}) =>
    createPlatformGate({
      clock,
      platform: createGcraLimiter({ perSec: 10, burst: 1 }),
      refusalStops: 'platform',
      setTimer: timers.setTimer,
      ...options,
    });

  /** A card call of `requests` requests in a lane and channel; each request is recorded as it goes. */
  const call = (
    gate: ReturnType<typeof gateOf>,
    name: string,
    ticket: { lane: CardLane; channel: string },
    requests = 1,
    scope?: string,
  ) =>
    gate.run(ticket, async () => {
      for (let n = 0; n < requests; n += 1) {
        await gate.beforeRequest(scope);
        sent.push({ name: requests > 1 ? `${name}.${n}` : name, at: clock.now() });
      }
    });

  it('serves clicks, then first cards, then updates, at the configured rate', async () => {
    const gate = gateOf();
    const calls = [
      call(gate, 'blocker', { lane: 'update', channel: 'a' }),
      call(gate, 'update', { lane: 'update', channel: 'a' }),
      call(gate, 'first', { lane: 'first', channel: 'b' }),
      call(gate, 'click', { lane: 'click', channel: 'c' }),
    ];
    await timers.advance(1_000);
    await Promise.all(calls);
    expect(sent).toEqual([
      { name: 'blocker', at: 0 },
      { name: 'click', at: 100 },
      { name: 'first', at: 200 },
      { name: 'update', at: 300 },
    ]);
  });

  it('lets channels take turns: a storm in one channel delays another channel by one turn', async () => {
    const gate = gateOf();
    const calls = [1, 2, 3, 4, 5].map((n) => call(gate, `storm${n}`, { lane: 'update', channel: 'storm' }));
    calls.push(call(gate, 'quiet', { lane: 'update', channel: 'quiet' }));
    await timers.advance(1_000);
    await Promise.all(calls);
    expect(sent.map((each) => each.name)).toEqual([
      'storm1',
      'storm2',
      'quiet',
      'storm3',
      'storm4',
      'storm5',
    ]);
  });

  it('finishes a call it started before starting the next one (its further requests go first)', async () => {
    const gate = gateOf();
    const calls = [
      call(gate, 'post', { lane: 'update', channel: 'a' }, 2),
      call(gate, 'other', { lane: 'click', channel: 'b' }),
      call(gate, 'third', { lane: 'update', channel: 'c' }),
    ];
    await timers.advance(1_000);
    await Promise.all(calls);
    // `post.1` is asked for once `post.0` went, while `other` already waits: it still goes first.
    expect(sent.map((each) => each.name)).toEqual(['post.0', 'post.1', 'other', 'third']);
  });

  it('pauses every channel on a 429 until its Retry-After, retries the refused request, then resumes at the rate', async () => {
    const gate = gateOf({ platform: createGcraLimiter({ perSec: 10, burst: 5 }) });
    const retried: boolean[] = [];
    const refused = gate.run({ lane: 'update', channel: 'a' }, async () => {
      await gate.beforeRequest();
      sent.push({ name: 'refused', at: clock.now() });
      retried.push(gate.afterAnswer({ status: 429, retryAfterMs: 2_000, limited: true, remaining: 0 }));
      await gate.beforeRequest();
      sent.push({ name: 'again', at: clock.now() });
    });
    await timers.advance(0);
    const others = [1, 2, 3].map((n) => call(gate, `other${n}`, { lane: 'click', channel: `c${n}` }));
    await timers.advance(5_000);
    await Promise.all([refused, ...others]);
    expect(retried).toEqual([true]);
    expect(sent).toEqual([
      { name: 'refused', at: 0 },
      { name: 'again', at: 2_000 },
      { name: 'other1', at: 2_100 },
      { name: 'other2', at: 2_200 },
      { name: 'other3', at: 2_300 },
    ]);
  });

  it('gives a refused call up to the queue after three refusals, and never retries a request outside a call', async () => {
    const gate = gateOf();
    const answers = await gate.run({ lane: 'update', channel: 'a' }, async () => {
      const seen: boolean[] = [];
      for (let n = 0; n < 4; n += 1) seen.push(gate.afterAnswer({ status: 429, retryAfterMs: 0 }));
      return seen;
    });
    expect(answers).toEqual([true, true, true, false]);
    expect(gate.afterAnswer({ status: 429, retryAfterMs: 0 })).toBe(false);
  });

  it('paces by the headers: no limiter on the platform, no pacing; a small Remaining slows it down', async () => {
    const gate = gateOf({ pacing: 'while-headers' });
    gate.afterAnswer({ status: 200, limited: false });
    const free = [1, 2, 3, 4].map((n) => call(gate, `free${n}`, { lane: 'update', channel: 'a' }));
    await timers.advance(0);
    await Promise.all(free);
    expect(sent.map((each) => each.at)).toEqual([0, 0, 0, 0]);

    const limited = gateOf({
      pacing: 'while-headers',
      platform: createGcraLimiter({ perSec: 10, burst: 100 }),
    });
    sent = [];
    limited.afterAnswer({ status: 200, limited: true, remaining: 2 });
    const paced = [1, 2, 3, 4].map((n) => call(limited, `paced${n}`, { lane: 'update', channel: 'a' }));
    await timers.advance(1_000);
    await Promise.all(paced);
    expect(sent.map((each) => each.at)).toEqual([0, 0, 100, 200]);
  });

  it('keeps Teams conversations apart: one at its limit, the others go; a 429 pauses that conversation only', async () => {
    const gate = gateOf({
      platform: createWindowLimiter([{ windowMs: 1_000, max: 50 }]),
      scopeLimiter: () => createWindowLimiter([{ windowMs: 1_000, max: 2 }]),
      refusalStops: 'scope',
    });
    const calls = [1, 2, 3].map((n) =>
      call(gate, `busy${n}`, { lane: 'update', channel: 'busy' }, 1, 'busy'),
    );
    calls.push(call(gate, 'quiet', { lane: 'update', channel: 'quiet' }, 1, 'quiet'));
    await timers.advance(0);
    expect(sent.map((each) => each.name)).toEqual(['busy1', 'busy2', 'quiet']);
    await timers.advance(1_000);
    await Promise.all(calls);
    expect(sent.at(-1)).toEqual({ name: 'busy3', at: 1_000 });

    sent = [];
    gate.afterAnswer({ status: 429, retryAfterMs: 3_000 }, 'busy');
    const after = [
      call(gate, 'busy4', { lane: 'update', channel: 'busy' }, 1, 'busy'),
      call(gate, 'quiet2', { lane: 'update', channel: 'quiet' }, 1, 'quiet'),
    ];
    await timers.advance(5_000);
    await Promise.all(after);
    expect(sent).toEqual([
      { name: 'quiet2', at: 1_000 },
      { name: 'busy4', at: 4_000 },
    ]);
  });
});
