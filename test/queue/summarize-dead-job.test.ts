import { describe, expect, it } from 'vitest';
import type { DeadJob } from '../../src/queue/job-queue.ts';
import { formatAge, summarizeDeadJob } from '../../src/queue/summarize-dead-job.ts';

const NOW = Date.UTC(2026, 2, 2, 12, 0);
const ALERT_UUID = '0b6e1a6c-7c41-4c2e-9a55-2d5d1f0a3b11';

const dead = (payload: unknown, extra: Partial<DeadJob> = {}): DeadJob => ({
  id: '7',
  kind: 'sekoia-event',
  payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  attempts: 5,
  createdAt: NOW - 3 * 3_600_000 - 59_000,
  lastError: 'Sekoia.io answered 500\n    at handler (src/x.ts:1:1)',
  ...extra,
});

describe('summarizeDeadJob', () => {
  it("shows a WebHook event's type, action and alert ids, the first line of its error and its age", () => {
    const summary = summarizeDeadJob(
      dead({
        receivedAt: 1,
        requestId: 'req-1',
        event: {
          type: 'alert',
          action: 'created',
          attributes: { uuid: ALERT_UUID, short_id: 'ALxyz', title: 'Mimikatz on host-1' },
        },
      }),
      NOW,
    );
    expect(summary).toEqual({
      id: '7',
      kind: 'sekoia-event',
      attempts: 5,
      reason: 'Sekoia.io answered 500',
      age: '3 h',
      payload: `type=alert action=created uuid=${ALERT_UUID} short_id=ALxyz`,
    });
  });

  it("shows a card job's alert and channel", () => {
    const payload = {
      alertUuid: ALERT_UUID,
      channel: { platform: 'chat', team: 't1', channel: 'c1' },
      rule: { id: 'r1', name: 'Everything' },
    };
    expect(summarizeDeadJob(dead(payload, { kind: 'card-delivery' }), NOW).payload).toBe(
      `alertUuid=${ALERT_UUID} platform=chat team=t1 channel=c1`,
    );
  });

  it('never shows a secret, a text field, a hook URL or a whole payload', () => {
    const summary = summarizeDeadJob(
      dead(
        {
          apiKey: 'SECRET-1',
          token: { type: 'SECRET-2' },
          event: { type: 'alert', note: 'SECRET-3', action: 'x y SECRET-4' },
          url: 'https://chat.example/hooks/SECRET-5',
        },
        { lastError: 'POST https://chat.example/hooks/SECRET-6 failed, Bearer SECRET-7 token=SECRET-8' },
      ),
      NOW,
    );
    expect(JSON.stringify(summary)).not.toMatch(/SECRET/);
    expect(summary.payload).toBe('type=alert');
    expect(summary.reason).toBe(
      'POST https://chat.example/hooks/[redacted] failed, Bearer [redacted] token=[redacted]',
    );
  });

  it('bounds long values and says what it cannot read', () => {
    const long = summarizeDeadJob(dead({ type: 'a'.repeat(500) }, { lastError: 'e'.repeat(500) }), NOW);
    expect(long.payload).toBe(`type=${'a'.repeat(40)}…`);
    expect(long.reason.length).toBeLessThan(200);
    expect(summarizeDeadJob(dead('not json {'), NOW).payload).toBe('(not JSON, 10 chars)');
    expect(summarizeDeadJob(dead({ other: 1 }), NOW).payload).toBe('(11 chars)');
    expect(summarizeDeadJob(dead({}, { lastError: '' }), NOW).reason).toBe('(none)');
  });

  it('gives ages coarsely', () => {
    expect(
      [0, 59_000, 60_000, 3_599_000, 3_600_000, 47 * 3_600_000, 49 * 3_600_000, -5].map(formatAge),
    ).toEqual(['0 s', '59 s', '1 min', '59 min', '1 h', '47 h', '2 d', '0 s']);
  });
});
