import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../../src/clock.ts';
import { type MattermostError, mmError } from './mattermost-error.ts';
import { newId } from './new-id.ts';

/** Where the interaction that produced a trigger happened; the real client knows this, not the trigger. */
export interface TriggerOrigin {
  channelId: string;
  teamId: string;
}

export type TriggerCheck =
  | { ok: true; userId: string; origin: TriggerOrigin }
  | { ok: false; error: MattermostError };

export interface TriggerIds {
  issue(userId: string, origin: TriggerOrigin): string;
  verify(triggerId: string, timeoutMs: number): TriggerCheck;
}

const decodeFailed = (detail: string): TriggerCheck => ({
  ok: false,
  error: mmError(400, `interactive_message.decode_trigger_id.${detail}`, 'Unable to decode the trigger ID.'),
});

/**
 * Trigger ids shaped like the server's (reference §5.1): base64 of `clientId:userId:millis:signature`.
 * The server signs with ECDSA; an HMAC with a per-fake key is enough to tell ours from forgeries.
 */
export function createTriggerIds(clock: Clock): TriggerIds {
  const key = randomBytes(32);
  const origins = new Map<string, TriggerOrigin>();
  const sign = (data: string) => createHmac('sha256', key).update(data).digest('base64');
  return {
    issue(userId, origin) {
      const clientId = newId();
      origins.set(clientId, origin);
      const data = `${clientId}:${userId}:${clock.now()}:`;
      return Buffer.from(data + sign(data)).toString('base64');
    },
    verify(triggerId, timeoutMs) {
      const parts = Buffer.from(triggerId, 'base64').toString('utf8').split(':');
      if (parts.length !== 4) return decodeFailed('missing_data');
      const [clientId = '', userId = '', millis = '', signature = ''] = parts;
      const age = clock.now() - Number.parseInt(millis, 10);
      if (!(age <= timeoutMs)) {
        const message = `Trigger ID for interactive dialog is expired. Trigger IDs live for a maximum of ${timeoutMs / 1000}s.`;
        return { ok: false, error: mmError(400, 'interactive_message.decode_trigger_id.expired', message) };
      }
      const expected = Buffer.from(sign(`${clientId}:${userId}:${millis}:`));
      const given = Buffer.from(signature);
      const origin = origins.get(clientId);
      if (expected.length !== given.length || !timingSafeEqual(expected, given) || origin === undefined) {
        return decodeFailed('verify_signature_failed');
      }
      return { ok: true, userId, origin };
    },
  };
}
