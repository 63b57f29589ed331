import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { publicUrlCheck } from '../../src/doctor/checks/public-url-check.ts';
import { freePort } from '../integration/start-bot.ts';
import { doctorContext } from './doctor-test-context.ts';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((server) => new Promise<void>((resolve) => server.close(() => resolve()))),
  );
});

/** Another program on loopback answering `/healthz` with `body`. */
async function serve(body: unknown, port = 0): Promise<number> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(port, resolve));
  return (server.address() as AddressInfo).port;
}

describe('PUBLIC_URL reachable from here', () => {
  it('passes when PUBLIC_URL leads to this host, and says localhost only suits a local try', async () => {
    const port = await freePort();
    const outcome = await publicUrlCheck().run(doctorContext({ PORT: String(port) }));
    expect(outcome.state).toBe('ok');
    expect(outcome.detail).toContain(`leads to this host's port ${port}`);
    expect(outcome.detail).toContain('cannot reach localhost');
  });

  it('passes when PUBLIC_URL names this host another way (127.0.0.2)', async () => {
    const port = await freePort();
    const outcome = await publicUrlCheck().run(
      doctorContext({ PORT: String(port), PUBLIC_URL: `http://127.0.0.2:${port}` }),
    );
    expect(outcome).toMatchObject({ state: 'ok', detail: expect.stringContaining('leads to this host') });
  });

  it('fails when PUBLIC_URL leads to another server, even one answering like the bot', async () => {
    const port = await freePort();
    const elsewhere = await serve({ status: 'ok' });
    const outcome = await publicUrlCheck().run(
      doctorContext({ PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${elsewhere}` }),
    );
    expect(outcome.state).toBe('fail');
    expect(outcome.detail).toContain('PUBLIC_URL leads elsewhere');
    expect(outcome.fix).toContain(`this host's port ${port}`);
  });

  it('fails with a DNS, proxy and firewall fix when nothing answers at PUBLIC_URL', async () => {
    const port = await freePort();
    const nobody = await freePort();
    const outcome = await publicUrlCheck().run(
      doctorContext({ PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${nobody}` }),
    );
    expect(outcome.state).toBe('fail');
    expect(outcome.detail).toContain('is not reachable from here: ECONNREFUSED');
    expect(outcome.fix).toMatch(/DNS.*reverse proxy.*firewall/);
  });

  it("accepts the bot's own /healthz while PORT is in use (the bot runs)", async () => {
    const port = await serve({ status: 'ok' });
    const outcome = await publicUrlCheck().run(doctorContext({ PORT: String(port) }));
    expect(outcome.state).toBe('ok');
    expect(outcome.detail).toContain('answers like the bot');
  });

  it('fails while PORT is in use by something that is not the bot', async () => {
    const port = await serve({ hello: 'world' });
    const outcome = await publicUrlCheck().run(doctorContext({ PORT: String(port) }));
    expect(outcome.state).toBe('fail');
    expect(outcome.detail).toContain("not the bot's /healthz");
  });
});
