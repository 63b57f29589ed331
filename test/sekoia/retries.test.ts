import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.ts';
import type { BotError } from '../../src/errors.ts';
import type { SekoiaHarness } from './start-sekoia-harness.ts';
import { startSekoiaHarness } from './start-sekoia-harness.ts';

let harness: SekoiaHarness;
let alertId: string;

beforeEach(async () => {
  harness = await startSekoiaHarness();
  alertId = harness.fake.addAlert().uuid;
});
afterEach(() => harness.close());

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('expected a failure'),
    (error: BotError) => error,
  );

describe('errors that retrying cannot fix', () => {
  it('401: sekoia_unauthorized with the Sekoia code, one request only', async () => {
    const error = await failure(harness.makeClient({ apiKey: 'not-a-known-key' }).getAlert(alertId));
    expect(error).toMatchObject({
      code: 'sekoia_unauthorized',
      retryable: false,
      details: { status: 401, sekoiaCode: 'T300', sekoiaMessage: 'The token is invalid' },
    });
    expect(harness.fake.requests).toHaveLength(1);
  });

  it('403: sekoia_forbidden when the key lacks the permission, one request only', async () => {
    harness.fake.setPermissions(harness.fake.apiKey, ['SIC_READ_ALERTS']);
    const error = await failure(harness.client.postComment(alertId, { content: 'hello' }));
    expect(error).toMatchObject({ code: 'sekoia_forbidden', retryable: false, details: { status: 403 } });
    expect(harness.fake.requests).toHaveLength(1);
  });

  it('404 and other 4xx: not retried', async () => {
    harness.fake.failNext(1, 409, { body: { message: 'Conflict' } });
    expect(await failure(harness.client.getAlert(alertId))).toMatchObject({ code: 'sekoia_rejected' });
    expect(await failure(harness.client.getAlert('ALmissing0000'))).toMatchObject({
      code: 'sekoia_not_found',
    });
    expect(harness.fake.requests).toHaveLength(2);
    expect(harness.sleeps).toEqual([]);
  });
});

describe('errors worth retrying', () => {
  it('503 twice then 200: succeeds on the third request after backing off', async () => {
    harness.fake.failNext(2, 503);
    await expect(harness.client.getAlert(alertId)).resolves.toMatchObject({ uuid: alertId });
    expect(harness.fake.requests).toHaveLength(3);
    // random() is 0.5: three quarters of 500 ms, then of 1000 ms.
    expect(harness.sleeps).toEqual([375, 750]);
    const retries = harness.logLines
      .map((line) => JSON.parse(line))
      .filter((line) => line.waitMs !== undefined);
    expect(retries.map((line) => [line.level, line.status, line.attempt])).toEqual([
      [40, 503, 1],
      [40, 503, 2],
    ]);
  });

  it('429 with Retry-After: 1 waits one second before trying again', async () => {
    harness.fake.failNext(1, 429, { retryAfter: 1 });
    await harness.client.getWorkflow(alertId);
    expect(harness.sleeps).toEqual([1000]);
    expect(harness.fake.requests).toHaveLength(2);
  });

  it('503 with Retry-After as an HTTP date is honoured too', async () => {
    const clock = createManualClock(Date.UTC(2026, 2, 2, 9, 0, 0));
    harness.fake.failNext(1, 503, { retryAfter: new Date(clock.now() + 5000).toUTCString() });
    await harness.makeClient({ clock }).getAlert(alertId);
    expect(harness.sleeps).toEqual([5000]);
  });

  it('429 asking for 120 s: thrown at once for the durable queue to wait', async () => {
    harness.fake.failNext(1, 429, { retryAfter: 120 });
    const error = await failure(harness.client.patchWorkflow(alertId, { actionUuid: 'x' }));
    expect(error).toMatchObject({ code: 'sekoia_rate_limited', retryable: true, retryAfterMs: 120_000 });
    expect(harness.fake.requests).toHaveLength(1);
    expect(harness.sleeps).toEqual([]);
  });

  it('gives up after maxRetries with a retryable sekoia_unavailable', async () => {
    harness.fake.setDown(true);
    const error = await failure(harness.client.getAlert(alertId));
    expect(error).toMatchObject({ code: 'sekoia_unavailable', retryable: true, details: { status: 503 } });
    expect(harness.fake.requests).toHaveLength(4);
    expect(harness.sleeps).toEqual([375, 750, 1500]);
    harness.fake.setDown(false);
    await expect(harness.client.getAlert(alertId)).resolves.toMatchObject({ uuid: alertId });
  });

  it('keeps rate limiting as sekoia_rate_limited when retries run out', async () => {
    harness.fake.failNext(4, 429);
    const error = await failure(harness.client.getAlert(alertId));
    expect(error).toMatchObject({ code: 'sekoia_rate_limited', retryable: true });
  });

  it('retries a dropped connection, reported as a network failure if it persists', async () => {
    harness.fake.dropNext(1);
    await expect(harness.client.getAlert(alertId)).resolves.toMatchObject({ uuid: alertId });
    harness.fake.dropNext(2);
    const client = harness.makeClient({ maxRetries: 1 });
    const error = await failure(client.getAlert(alertId));
    expect(error).toMatchObject({ code: 'sekoia_unavailable', details: { reason: 'network' } });
  });

  it('times out a slow answer per attempt and reports sekoia_unavailable', async () => {
    harness.fake.setLatency(500);
    const client = harness.makeClient({ timeoutMs: 50, maxRetries: 1 });
    const error = await failure(client.getAlert(alertId));
    expect(error).toMatchObject({
      code: 'sekoia_unavailable',
      retryable: true,
      details: { reason: 'timeout' },
    });
    expect(error.message).toContain('within 50 ms');
    expect(harness.fake.requests).toHaveLength(2);
  });
});
