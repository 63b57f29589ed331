import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { createIdentityLinks } from '../../src/identity/create-identity-links.ts';
import { createLinkTickets, LINK_TICKET_TTL_MS } from '../../src/identity/create-link-tickets.ts';
import { createSekoiaClient } from '../../src/sekoia/create-sekoia-client.ts';
import { createKeyvIdentityStore } from '../../src/storage/create-keyv-identity-store.ts';
import { createStore, type Store } from '../../src/storage/create-store.ts';
import { type FakeSekoia, startFakeSekoia } from '../fakes/fake-sekoia/index.ts';
import { type CapturedLog, captureLog } from '../storage/capture-log.ts';

const ALICE = { platform: 'mattermost', id: 'u1' };
const USER_KEY = 'user-key-0f1e2d3c4b5a69788796';

describe('linked identities on a real SQLite store, checked against the fake Sekoia.io', () => {
  let dir: string;
  let store: Store;
  let sekoia: FakeSekoia;
  let captured: CapturedLog;
  const clock = createManualClock(Date.UTC(2026, 11, 7));

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'identities-'));
    captured = captureLog();
    store = await createStore({ url: `sqlite://${join(dir, 'bot.sqlite')}`, log: captured.log });
    sekoia = await startFakeSekoia({ apiKeys: [{ key: USER_KEY, name: 'Alice Martin' }] });
  });
  afterEach(async () => {
    await store.close();
    await sekoia.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const links = (key: Buffer) =>
    createIdentityLinks({
      key,
      store: createKeyvIdentityStore(store.keyv('identities')),
      sekoia: createSekoiaClient({
        baseUrl: sekoia.url,
        apiKey: sekoia.apiKey,
        log: captured.log,
        maxRetries: 0,
      }),
      clock,
      log: captured.log,
    });

  it('keeps a checked key sealed, finds it again, and forgets it on unlink', async () => {
    const identities = links(randomBytes(32));
    expect(await identities.link(ALICE, ` ${USER_KEY} `)).toEqual({ ok: true, name: 'Alice Martin' });
    const me = sekoia.requests.at(-1);
    expect(me?.path).toBe('/v1/me');
    expect(me?.headers.authorization).toBe(`Bearer ${USER_KEY}`);
    expect(await identities.find(ALICE)).toEqual({
      kind: 'linked',
      apiKey: USER_KEY,
      name: 'Alice Martin',
      linkedAt: clock.now(),
    });
    expect(await identities.find({ platform: 'teams', id: 'u1' })).toEqual({ kind: 'none' });
    const stored = await store.keyv('identities').get<string>('mattermost/u1');
    expect(stored).toMatch(/^v1\./);
    expect(stored).not.toContain(USER_KEY);
    expect(await identities.unlink(ALICE)).toBe(true);
    expect(await identities.unlink(ALICE)).toBe(false);
    expect(await identities.find(ALICE)).toEqual({ kind: 'none' });
    expect(captured.lines.join('\n')).not.toContain(USER_KEY);
  });

  it('stores nothing for a key Sekoia.io refuses, and sends nothing for one that is not a key', async () => {
    const identities = links(randomBytes(32));
    expect(await identities.link(ALICE, 'unknown-key-1234567890')).toEqual({ ok: false, reason: 'refused' });
    sekoia.clearRequests();
    expect(await identities.link(ALICE, 'has spaces in it')).toEqual({ ok: false, reason: 'malformed' });
    expect(sekoia.requests).toHaveLength(0);
    expect(await identities.find(ALICE)).toEqual({ kind: 'none' });
  });

  it('reads a record sealed with another key as unreadable, never as linked', async () => {
    await links(randomBytes(32)).link(ALICE, USER_KEY);
    expect(await links(randomBytes(32)).find(ALICE)).toEqual({ kind: 'unreadable' });
  });

  it('a record copied onto another user does not open for them', async () => {
    const identities = links(randomBytes(32));
    await identities.link(ALICE, USER_KEY);
    const keyv = store.keyv('identities');
    await keyv.set('mattermost/u2', await keyv.get('mattermost/u1'));
    expect(await identities.find({ platform: 'mattermost', id: 'u2' })).toEqual({ kind: 'unreadable' });
  });
});

describe('link tickets', () => {
  it('hold for their user until they expire', () => {
    const clock = createManualClock(Date.UTC(2026, 11, 7));
    const tickets = createLinkTickets(randomBytes(32), clock);
    const ticket = tickets.issue(ALICE);
    expect(tickets.check(ticket, ALICE)).toBe(true);
    expect(tickets.check(ticket, { platform: 'mattermost', id: 'u2' })).toBe(false);
    // Another last character (it is one of 16, so one fixed letter would sometimes be the same one).
    const altered = `${ticket.slice(0, -1)}${ticket.endsWith('A') ? 'E' : 'A'}`;
    expect(tickets.check(altered, ALICE)).toBe(false);
    expect(tickets.check('1.x', ALICE)).toBe(false);
    clock.advance(LINK_TICKET_TTL_MS + 1_000);
    expect(tickets.check(ticket, ALICE)).toBe(false);
  });
});

describe('IDENTITY_ENCRYPTION_KEY', () => {
  it('is refused at start unless it is 32 bytes, without quoting it', () => {
    const secret = 'too-short-to-be-a-key';
    expect(() => loadConfig({ IDENTITY_ENCRYPTION_KEY: secret })).toThrow(
      /IDENTITY_ENCRYPTION_KEY: must be 32 random bytes/,
    );
    try {
      loadConfig({ IDENTITY_ENCRYPTION_KEY: secret });
    } catch (error) {
      expect(String(error)).not.toContain(secret);
      expect(JSON.stringify(error)).not.toContain(secret);
    }
    expect(loadConfig({ IDENTITY_ENCRYPTION_KEY: randomBytes(32).toString('base64') })).toBeDefined();
  });
});
