import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/free-port.ts';

const listen = (server: Server, port: number) =>
  new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });

describe('freePort: a port for a bot whose URL is known before it starts', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
  });

  it('picks below the ephemeral range (where listen(0) and connections take theirs), and it can be listened on', async () => {
    const port = await freePort();
    expect(port).toBeGreaterThanOrEqual(20_000);
    expect(port).toBeLessThan(32_768);
    const server = createServer();
    servers.push(server);
    await listen(server, port);
  });

  it('gives the preferred port when it is free, another when it is taken', async () => {
    const taken = createServer();
    servers.push(taken);
    const preferred = await freePort();
    expect(await freePort(preferred)).toBe(preferred);
    await listen(taken, preferred);
    const other = await freePort(preferred);
    expect(other).not.toBe(preferred);
    expect(other).toBeLessThan(32_768);
  });
});
