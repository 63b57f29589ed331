import { createServer } from 'node:net';

/**
 * Where `freePort` picks: below Linux's ephemeral range (`net.ipv4.ip_local_port_range`, 32768–60999
 * by default), from which every `listen(0)` and outgoing connection takes its port. A port taken
 * from that range and released could be handed to one of those before the bot listens on it
 * (EADDRINUSE, seen in CI with the test files running in parallel); one picked below it can only
 * meet another pick.
 */
const PICK_FROM = 20_000;
const PICK_TO = 32_767;

/**
 * A port free right now, for a bot whose PUBLIC_URL (in every button) must be known before it
 * starts: `preferred` when it is free, else one picked at random below the ephemeral range.
 */
export async function freePort(preferred = 0): Promise<number> {
  if (preferred > 0 && (await canListen(preferred))) return preferred;
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = PICK_FROM + Math.floor(Math.random() * (PICK_TO - PICK_FROM + 1));
    if (await canListen(port)) return port;
  }
  throw new Error(`no free port found between ${PICK_FROM} and ${PICK_TO}`);
}

function canListen(port: number): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
