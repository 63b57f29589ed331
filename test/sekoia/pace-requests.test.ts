import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.ts';
import type { SekoiaHarness } from './start-sekoia-harness.ts';
import { startSekoiaHarness } from './start-sekoia-harness.ts';

let harness: SekoiaHarness;

beforeEach(async () => {
  harness = await startSekoiaHarness();
});
afterEach(() => harness.close());

/** A pause the test ends when it wants. */
function controlledPause() {
  const asked: number[] = [];
  let release = () => {};
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      asked.push(ms);
      release = resolve;
    });
  return { asked, sleep, release: () => release() };
}

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    () => 'rejected',
  );

describe('the client-wide pace (Sekoia.io FAQ: at most 5 requests/s)', () => {
  it('starts no more than 5 requests in any second and serves a button before queued background work', async () => {
    const sentAt: number[] = [];
    const client = harness.makeClient({
      fetch: (input, init) => {
        sentAt.push(performance.now());
        return fetch(input, init);
      },
    });
    const background = harness.fake.addAlert({}, { notify: false });
    const clicked = harness.fake.addAlert({}, { notify: false });
    const reads = Array.from({ length: 11 }, () => client.getAlert(background.uuid));
    await delay(20);
    const click = client.getAlert(clicked.uuid, { priority: 'interactive' });
    await Promise.all([...reads, click]);

    const arrivals = harness.fake.requests;
    expect(arrivals).toHaveLength(12);
    // The first five went at once; the click is the first of the next second, before six background reads.
    expect(arrivals.findIndex((request) => request.path.endsWith(clicked.uuid))).toBe(5);
    for (let index = 0; index + 5 < sentAt.length; index += 1) {
      // The sixth request starts a second after the first (less the jitter of a busy machine between
      // the pacer's start and the fetch call); without the pacer all twelve leave within milliseconds.
      expect((sentAt[index + 5] ?? 0) - (sentAt[index] ?? 0)).toBeGreaterThanOrEqual(900);
    }
  });

  it('after two 503s within 10 s, holds every request, a click included, until the pause ends', async () => {
    const pause = controlledPause();
    const client = harness.makeClient({ maxRetries: 0, pace: { sleep: pause.sleep } });
    const alert = harness.fake.addAlert({}, { notify: false });
    harness.fake.failNext(2, 503);
    expect(await rejection(client.getAlert(alert.uuid))).toBe('rejected');
    expect(pause.asked).toEqual([]);
    expect(await rejection(client.getAlert(alert.uuid))).toBe('rejected');
    expect(pause.asked).toEqual([5_000]);

    const held = client.getAlert(alert.uuid, { priority: 'interactive' });
    await delay(100);
    expect(harness.fake.requests).toHaveLength(2);
    pause.release();
    await expect(held).resolves.toMatchObject({ uuid: alert.uuid });
    expect(harness.fake.requests).toHaveLength(3);
    expect(harness.logLines.some((line) => line.includes('pausing every request'))).toBe(true);
  });

  it('pauses as long as a Retry-After asks, up to 30 s', async () => {
    const client = harness.makeClient({ maxRetries: 0 });
    const alert = harness.fake.addAlert({}, { notify: false });
    harness.fake.failNext(1, 500);
    harness.fake.failNext(1, 429, { retryAfter: 7 });
    harness.fake.failNext(1, 429, { retryAfter: 600 });
    for (let index = 0; index < 3; index += 1) await rejection(client.getAlert(alert.uuid));
    expect(harness.pauses).toEqual([7_000, 30_000]);
  });

  it('does not pause for 404s, for a lone error, or for errors more than 10 s apart', async () => {
    const clock = createManualClock();
    const client = harness.makeClient({ maxRetries: 0, clock });
    const alert = harness.fake.addAlert({}, { notify: false });
    for (let index = 0; index < 3; index += 1) await rejection(client.getAlert('ALmissing0000'));
    harness.fake.failNext(1, 500);
    await rejection(client.getAlert(alert.uuid));
    clock.advance(10_001);
    harness.fake.failNext(1, 403);
    await rejection(client.getAlert(alert.uuid));
    expect(harness.pauses).toEqual([]);
    harness.fake.failNext(1, 400);
    await rejection(client.getAlert(alert.uuid));
    expect(harness.pauses).toEqual([5_000]);
  });
});
