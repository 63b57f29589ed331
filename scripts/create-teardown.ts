import { rmSync } from 'node:fs';

export interface Teardown {
  /** Something started, to stop (after whatever is added later). */
  add(stop: () => Promise<void> | void): void;
  /** Stops everything added, newest first, then removes the data directory; idempotent. */
  stop(): Promise<void>;
}

/** The undo list of a world started piece by piece (the demo's, the Playground's), over `dir`. */
export function createTeardown(dir: string): Teardown {
  const stops: (() => Promise<void> | void)[] = [() => rmSync(dir, { recursive: true, force: true })];
  return {
    add: (stop) => {
      stops.push(stop);
    },
    stop: async () => {
      for (const next of stops.splice(0).reverse()) await next();
    },
  };
}
