import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ActionGrant, GrantToSign } from '../../src/actions/action-grant.ts';
import { createActionSigner, DEFAULT_GRANT_TTL_MS } from '../../src/actions/create-action-signer.ts';
import { createClickVerifier } from '../../src/actions/create-click-verifier.ts';
import { createManualClock } from '../../src/clock.ts';
import type { CardRecord, CardStore } from '../../src/delivery/card-store.ts';
import { isBotError } from '../../src/errors.ts';

const KEY = 'k'.repeat(43);
const grant: GrantToSign = {
  action: 'acknowledge',
  alertUuid: '5bd2d1a2-6b2c-4a2d-9d61-0a1f2b3c4d5e',
  platform: 'mattermost',
  channel: 'chan1',
  ruleId: 'r7k2',
};
const origin = { platform: 'mattermost', channel: 'chan1', messageId: 'post1' } as const;

/** A version 1 payload as the bot signed them before version 2 (the post id bound): still on cards. */
function signV1(fields: GrantToSign & { messageId: string }, exp: number) {
  const line = [1, fields.action, fields.alertUuid, fields.platform, fields.channel, fields.messageId];
  const mac = createHmac('sha256', KEY)
    .update(JSON.stringify([...line, fields.ruleId, exp]))
    .digest('base64url');
  return {
    v: 1,
    a: fields.action,
    al: fields.alertUuid,
    pf: fields.platform,
    ch: fields.channel,
    m: fields.messageId,
    r: fields.ruleId,
    exp,
    s: mac,
  };
}

function refusal(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return isBotError(error, 'action_forbidden') ? String(error.details.reason) : 'other error';
  }
}

async function refusalOf(run: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await run();
    return undefined;
  } catch (error) {
    return isBotError(error, 'action_forbidden') ? String(error.details.reason) : 'other error';
  }
}

/** The card map with one stored card (or a marker while it is posted). */
function cardsWith(record: Partial<CardRecord> & Pick<CardRecord, 'messageId'>): Pick<CardStore, 'get'> {
  const stored: CardRecord = {
    alertUuid: grant.alertUuid,
    channel: { platform: 'mattermost', team: 't1', channel: 'chan1' },
    creatingSince: 0,
    ruleId: 'r7k2',
    ruleName: null,
    status: null,
    shownAt: 0,
    ...record,
  };
  return {
    get: async (alertUuid, channel) =>
      alertUuid === stored.alertUuid &&
      channel.platform === stored.channel.platform &&
      channel.channel === stored.channel.channel
        ? stored
        : undefined,
  };
}

describe('createActionSigner', () => {
  const clock = createManualClock();
  const signer = createActionSigner({ key: KEY, clock });
  const expiresAt = () => Math.floor((clock.now() + DEFAULT_GRANT_TTL_MS) / 1000) * 1000;

  it('signs version 2 without the message, and gives the grant back with the click’s message', () => {
    const signed = signer.sign(grant);
    expect(signed).not.toHaveProperty('m');
    expect(signed.v).toBe(2);
    const checked = signer.verify(JSON.parse(JSON.stringify(signed)), origin);
    const expected: ActionGrant = { ...grant, messageId: 'post1', expiresAt: expiresAt() };
    expect(checked).toEqual({ grant: expected, cardUnchecked: true });
  });

  it('still accepts a version 1 payload on the post it names, the message checked by the signature', () => {
    const exp = Math.floor(expiresAt() / 1000);
    const v1 = signV1({ ...grant, messageId: 'post1' }, exp);
    expect(signer.verify(v1, origin)).toEqual({
      grant: { ...grant, messageId: 'post1', expiresAt: exp * 1000 },
      cardUnchecked: false,
    });
    expect(refusal(() => signer.verify(v1, { ...origin, messageId: 'post2' }))).toBe('origin');
    expect(refusal(() => signer.verify({ ...v1, m: 'post2' }, { ...origin, messageId: 'post2' }))).toBe(
      'signature',
    );
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

  it('refuses a version 2 payload relabelled version 1 with a message (the line signed differs)', () => {
    const relabelled = { ...signer.sign(grant), v: 1, m: 'post1' };
    expect(refusal(() => signer.verify(relabelled, origin))).toBe('signature');
  });

  it.each([
    ['another channel', { ...origin, channel: 'chan2' }],
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

  it.each([null, 'text', 42, [], {}, { v: 3 }, { ...{ v: 1, a: 'nuke' } }])(
    'refuses malformed payload %j',
    (payload) => {
      expect(refusal(() => signer.verify(payload, origin))).toBe('malformed');
    },
  );

  it('refuses extra fields smuggled into a payload', () => {
    expect(refusal(() => signer.verify({ ...signer.sign(grant), admin: true }, origin))).toBe('malformed');
    expect(refusal(() => signer.verify({ ...signer.sign(grant), m: 'post1' }, origin))).toBe('malformed');
  });
});

describe('createClickVerifier', () => {
  const clock = createManualClock();
  const signer = createActionSigner({ key: KEY, clock });

  it('accepts a version 2 click on the stored card of its alert in its channel', async () => {
    const verifier = createClickVerifier({ signer, cards: cardsWith({ messageId: 'post1' }) });
    await expect(verifier.verify(signer.sign(grant), origin)).resolves.toMatchObject({
      action: 'acknowledge',
      messageId: 'post1',
    });
  });

  it.each([
    ['another post of the channel', cardsWith({ messageId: 'post1' }), { ...origin, messageId: 'post2' }],
    ['a card still being posted', cardsWith({ messageId: null }), origin],
    ['a channel with no card of the alert', cardsWith({ messageId: 'post1' }), { ...origin, channel: 'x' }],
  ])('refuses a version 2 click from %s, like a bad signature', async (_name, cards, from) => {
    const verifier = createClickVerifier({ signer, cards });
    // Signed for the click's channel, so that only the card check can refuse it.
    const genuine = signer.sign({ ...grant, channel: from.channel });
    expect(await refusalOf(() => verifier.verify(genuine, from))).toBe('card');
  });

  it('takes a version 1 click on the card it names without reading the card map', async () => {
    const verifier = createClickVerifier({
      signer,
      cards: { get: () => Promise.reject(new Error('not read')) },
    });
    const exp = Math.floor((clock.now() + 60_000) / 1000);
    const v1 = signV1({ ...grant, messageId: 'post1' }, exp);
    await expect(verifier.verify(v1, origin)).resolves.toMatchObject({ messageId: 'post1' });
    expect(await refusalOf(() => verifier.verify(v1, { ...origin, messageId: 'post2' }))).toBe('origin');
  });
});
