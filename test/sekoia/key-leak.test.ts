import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeSekoia } from '../fakes/fake-sekoia/index.ts';
import type { SekoiaHarness } from './start-sekoia-harness.ts';
import { startSekoiaHarness } from './start-sekoia-harness.ts';

const KEY = 'LEAKCANARY-7f3a9c2e1b5d4086-sekoia-api-key';

let harness: SekoiaHarness;

beforeAll(async () => {
  // A generous timeout: on a loaded machine a tight one would time out (and retry) the other cases too.
  harness = await startSekoiaHarness({ fake: { apiKey: KEY }, client: { timeoutMs: 400, maxRetries: 1 } });
});
afterAll(() => harness.close());

/** Everything an error can expose: its JSON, message, stack and, recursively, its causes. */
function exposedText(error: unknown, depth = 0): string {
  if (depth > 5 || !(error instanceof Error))
    return depth > 5 ? '' : (JSON.stringify(error) ?? String(error));
  const own = Object.fromEntries(
    Object.getOwnPropertyNames(error).map((name) => [name, Reflect.get(error, name)]),
  );
  return [
    JSON.stringify(error),
    error.message,
    error.stack ?? '',
    JSON.stringify(own, (key, value) => (key === 'cause' ? undefined : value)),
    exposedText(error.cause, depth + 1),
  ].join('\n');
}

type Trigger = (fake: FakeSekoia, alertId: string) => void;

const TRIGGERS: [string, string, Trigger][] = [
  ['revoked key', 'sekoia_unauthorized', (fake) => fake.setKeyState(KEY, 'revoked')],
  ['missing permission', 'sekoia_forbidden', (fake) => fake.setPermissions(KEY, [])],
  ['unknown alert', 'sekoia_not_found', () => undefined],
  [
    'rejection echoing the key',
    'sekoia_rejected',
    (fake) => fake.failNext(1, 400, { body: { message: `bad request for Bearer ${KEY}`, code: KEY } }),
  ],
  ['long rate limit', 'sekoia_rate_limited', (fake) => fake.failNext(1, 429, { retryAfter: 600 })],
  ['outage', 'sekoia_unavailable', (fake) => fake.failNext(2, 503, { body: `<h1>down ${KEY}</h1>` })],
  ['dropped connection', 'sekoia_unavailable', (fake) => fake.dropNext(2)],
  ['timeout', 'sekoia_unavailable', (fake) => fake.setLatency(1_500)],
  [
    'malformed alert',
    'sekoia_invalid_response',
    // Without its uuid, the one field an alert cannot do without (issue 10: the rest is read leniently).
    (fake) => fake.respondNext(1, { status: 200, body: { short_id: KEY, title: KEY } }),
  ],
  [
    'HTML answer',
    'sekoia_invalid_response',
    (fake) => fake.respondNext(1, { status: 200, body: `<p>${KEY}</p>` }),
  ],
];

describe('the API key never leaks', () => {
  it.each(TRIGGERS)('%s → %s', async (_name, code, trigger) => {
    const alertId = _name === 'unknown alert' ? 'ALunknown0000' : harness.fake.addAlert().uuid;
    trigger(harness.fake, alertId);
    const error = await harness.client.getAlert(alertId).catch((caught: unknown) => caught);
    harness.fake.setKeyState(KEY, 'valid');
    harness.fake.setPermissions(KEY, [
      'SIC_READ_ALERTS',
      'SIC_WRITE_ALERTS_WORKFLOW',
      'SIC_WRITE_ALERTS_COMMENTS',
    ]);
    harness.fake.setLatency(0);
    expect(error).toMatchObject({ code });
    expect(exposedText(error)).not.toContain(KEY);
    expect(exposedText(error)).not.toContain('LEAKCANARY');
  });

  it('is sent to Sekoia.io but never written to the log', () => {
    expect(harness.fake.requests.every((request) => request.headers.authorization === `Bearer ${KEY}`)).toBe(
      true,
    );
    expect(harness.logLines.length).toBeGreaterThan(0);
    expect(harness.logLines.join('\n')).not.toContain('LEAKCANARY');
  });
});
