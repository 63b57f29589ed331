/**
 * A Redis or PostgreSQL server of the fault tests' own, on a free loopback port and a temporary
 * directory: the tests crash and restart it under the bot, which they must not do to the machine's
 * shared servers.
 */
export interface PrivateEngine {
  readonly name: string;
  /** STORE_URL for the bot. */
  readonly url: string;
  /** Crashes the server as a power cut would for it: no clean shutdown (what it acknowledged stays). */
  crash(): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
  /** Stops it and removes its data. */
  close(): Promise<void>;
}

export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${what} within ${timeoutMs} ms`);
}
