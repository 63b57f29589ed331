import { describe, expect, it } from 'vitest';
import type { ActionGrant } from '../../src/actions/action-grant.ts';
import { createActionSigner, DEFAULT_GRANT_TTL_MS } from '../../src/actions/create-action-signer.ts';
import { createManualClock } from '../../src/clock.ts';
import { isBotError } from '../../src/errors.ts';

const grant: Omit<ActionGrant, 'expiresAt'> = {
  action: 'acknowledge',
  alertUuid: '5bd2d1a2-6b2c-4a2d-9d61-0a1f2b3c4d5e',
  platform: 'mattermost',
  channel: 'chan1',
  messageId: 'post1',
  ruleId: 'r7k2',
};
const origin = { platform: 'mattermost', channel: 'chan1', messageId: 'post1' } as const;

function refusal(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return isBotError(error, 'action_forbidden') ? String(error.details.reason) : 'other error';
  }
}

describe('createActionSigner', () => {
  const clock = createManualClock();
  const signer = createActionSigner({ key: 'k'.repeat(43), clock });

  it('gives back the grant it signed, from the card it was signed for', () => {
    const verified = signer.verify(JSON.parse(JSON.stringify(signer.sign(grant))), origin);
    expect(verified).toEqual({
      ...grant,
      expiresAt: Math.floor((clock.now() + DEFAULT_GRANT_TTL_MS) / 1000) * 1000,
    });
  });

  it.each([
    ['another action', { a: 'close' }],
    ['another alert', { al: '00000000-0000-4000-8000-000000000000' }],
    ['another rule', { r: 'zzzz' }],
    ['a later expiry', { exp: 9_999_999_999 }],
    ['a forged signature', { s: 'A'.repeat(43) }],
  ])('refuses a payload altered to %s', (_name, change) => {
    const altered = { ...signer.sign(grant), ...change };
    expect(refusal(() => signer.verify(altered, origin))).toBe('signature');
  });

  it.each([
    ['another channel', { ...origin, channel: 'chan2' }],
    ['another post', { ...origin, messageId: 'post2' }],
    ['another platform', { ...origin, platform: 'teams' as const }],
  ])('refuses a genuine payload replayed from %s', (_name, elsewhere) => {
    expect(refusal(() => signer.verify(signer.sign(grant), elsewhere))).toBe('origin');
  });

  it('refuses a payload signed with another key', () => {
    const other = createActionSigner({ key: 'x'.repeat(43), clock });
    expect(refusal(() => signer.verify(other.sign(grant), origin))).toBe('signature');
  });

  it('refuses an expired payload', () => {
    const signed = signer.sign(grant);
    clock.advance(DEFAULT_GRANT_TTL_MS + 1_000);
    expect(refusal(() => signer.verify(signed, origin))).toBe('expired');
  });

  it.each([null, 'text', 42, [], {}, { v: 2 }, { ...{ v: 1, a: 'nuke' } }])(
    'refuses malformed payload %j',
    (payload) => {
      expect(refusal(() => signer.verify(payload, origin))).toBe('malformed');
    },
  );

  it('refuses extra fields smuggled into a payload', () => {
    expect(refusal(() => signer.verify({ ...signer.sign(grant), admin: true }, origin))).toBe('malformed');
  });
});
