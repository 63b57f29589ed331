import { describe, expect, it } from 'vitest';
import { BotError } from '../../src/errors.ts';
import { createRecoveryNotifier } from '../../src/queue/create-recovery-notifier.ts';
import { waitingForOf } from '../../src/queue/waiting-for-of.ts';

describe('the dependency a failed job waits for', () => {
  it('names Sekoia.io or the platform for an outage, nothing for a 429 or an error that cannot heal', () => {
    expect(waitingForOf(new BotError('sekoia_unavailable'))).toBe('sekoia');
    const down = { details: { platform: 'mattermost', status: 502 } };
    expect(waitingForOf(new BotError('delivery_failed', down))).toBe('platform:mattermost');
    const unreachable = { details: { platform: 'teams' } };
    expect(waitingForOf(new BotError('delivery_failed', unreachable))).toBe('platform:teams');
    const limited = { details: { platform: 'mattermost', status: 429 }, retryAfterMs: 1_000 };
    expect(waitingForOf(new BotError('delivery_failed', limited))).toBeUndefined();
    expect(waitingForOf(new BotError('sekoia_rate_limited'))).toBeUndefined();
    expect(
      waitingForOf(new BotError('platform_rejected', { details: { platform: 'teams' } })),
    ).toBeUndefined();
    expect(waitingForOf(new Error('bug'))).toBeUndefined();
  });

  it('signals a recovery once, at the first success after jobs began to wait', () => {
    const recovery = createRecoveryNotifier();
    const recovered: string[] = [];
    recovery.onRecovered((dependency) => recovered.push(dependency));
    recovery.succeeded('sekoia');
    recovery.waiting('sekoia');
    recovery.waiting('sekoia');
    recovery.succeeded('platform:mattermost');
    recovery.succeeded('sekoia');
    recovery.succeeded('sekoia');
    expect(recovered).toEqual(['sekoia']);
  });
});
