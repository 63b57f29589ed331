import type { Server } from 'restify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { createLogger } from '../../src/log.ts';
import { CHAT_PLATFORMS } from '../../src/platforms/platform-list.ts';
import { createBodyBudget } from '../../src/server/create-body-budget.ts';
import { createFirstRunRoute, MASKED_SECRET } from '../../src/server/create-first-run-route.ts';
import { createServer } from '../../src/server/create-server.ts';
import { isLoopback } from '../../src/server/is-loopback.ts';
import { startBot, TEST_WEBHOOK_SECRET, type TestBot } from './start-bot.ts';

const PUBLIC_URL = 'https://chatops.example.com';

describe('GET / from the bot host (loopback)', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startBot({ env: { PUBLIC_URL } });
  });
  afterAll(() => bot.stop());

  it('answers a self-contained HTML page with the whole WebHook URL', async () => {
    const res = await fetch(`${bot.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const page = await res.text();
    expect(page).toContain(`${PUBLIC_URL}/hooks/sekoia/${TEST_WEBHOOK_SECRET}`);
    expect(page).not.toContain(MASKED_SECRET);
  });

  it('says which platforms are on, with the start log reason when off', async () => {
    const page = await (await fetch(`${bot.url}/`)).text();
    expect(page).toContain(
      '<h2>Mattermost: <span class="off">off</span>: MATTERMOST_URL and MATTERMOST_BOT_TOKEN are not set</h2>',
    );
    expect(page).toContain('<h2>Microsoft Teams: <span class="on">on</span></h2>');
    expect(page).toContain(`request URL ${PUBLIC_URL}/mattermost/command`);
    expect(page).toContain(`${PUBLIC_URL}/api/messages`);
    for (const platform of CHAT_PLATFORMS) expect(page).toContain(platform.setup.guide);
  });

  it('masks the secret of a request relayed by a proxy on the host (a forwarding header)', async () => {
    for (const header of ['X-Forwarded-For', 'Forwarded', 'X-Real-IP']) {
      const page = await (await fetch(`${bot.url}/`, { headers: { [header]: '127.0.0.1' } })).text();
      expect(page).not.toContain(TEST_WEBHOOK_SECRET);
      expect(page).toContain(`${PUBLIC_URL}/hooks/sekoia/${MASKED_SECRET}`);
    }
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await fetch(`${bot.url}/`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toBe('');
  });
});

describe('GET / from elsewhere', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    const config = loadConfig({
      PUBLIC_URL,
      MATTERMOST_URL: 'https://mm.example.com',
      MATTERMOST_BOT_TOKEN: 't',
    });
    const handler = createFirstRunRoute({
      config,
      webhookSecret: TEST_WEBHOOK_SECRET,
      platforms: CHAT_PLATFORMS,
      // Another host, seen as such whatever the headers say.
      fromLoopback: () => false,
    });
    server = createServer({
      routes: [{ method: 'get', path: '/', handler }],
      log: createLogger({ level: 'silent' }),
      bodyBudget: createBodyBudget({ maxBytes: 1024 }),
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('masks the secret and says how to see it', async () => {
    const page = await (await fetch(`${url}/`)).text();
    expect(page).not.toContain(TEST_WEBHOOK_SECRET);
    expect(page).toContain(`${PUBLIC_URL}/hooks/sekoia/${MASKED_SECRET}`);
    expect(page).toContain('The secret is hidden here');
    expect(page).toContain('<h2>Mattermost: <span class="on">on</span></h2>');
  });
});

describe('isLoopback', () => {
  const from = (remoteAddress: string | undefined, headers = {}) =>
    isLoopback({ socket: { remoteAddress } as never, headers });
  it('trusts only the socket address of the host itself', () => {
    expect(from('127.0.0.1')).toBe(true);
    expect(from('::1')).toBe(true);
    expect(from('::ffff:127.0.0.1')).toBe(true);
    expect(from('10.0.0.2')).toBe(false);
    expect(from('::ffff:192.168.1.1')).toBe(false);
    expect(from(undefined)).toBe(false);
    expect(from('127.0.0.1', { 'x-forwarded-for': '127.0.0.1' })).toBe(false);
  });
});
