import { createLogger } from '../../src/log.ts';
import { type CreateSekoiaClientOptions, createSekoiaClient } from '../../src/sekoia/create-sekoia-client.ts';
import type { SekoiaApi } from '../../src/sekoia/sekoia-api.ts';
import { type FakeSekoia, type StartFakeSekoiaOptions, startFakeSekoia } from '../fakes/fake-sekoia/index.ts';

export interface SekoiaHarness {
  fake: FakeSekoia;
  client: SekoiaApi;
  /** Delays the client asked to sleep, in order; nothing really sleeps. */
  sleeps: number[];
  /** Pauses after repeated errors (the pacer's own sleep), in order; nothing really sleeps either. */
  pauses: number[];
  logLines: string[];
  /** Another client on the same fake, e.g. with a different key or base URL. */
  makeClient(overrides?: Partial<CreateSekoiaClientOptions>): SekoiaApi;
  close(): Promise<void>;
}

export interface HarnessOptions {
  fake?: StartFakeSekoiaOptions;
  client?: Partial<CreateSekoiaClientOptions>;
}

/** The real client against the fake over loopback HTTP, with a recording sleep and a captured log. */
export async function startSekoiaHarness(options: HarnessOptions = {}): Promise<SekoiaHarness> {
  const fake = await startFakeSekoia(options.fake);
  const sleeps: number[] = [];
  const pauses: number[] = [];
  const logLines: string[] = [];
  const log = createLogger({ level: 'debug', destination: { write: (line: string) => logLines.push(line) } });
  const makeClient = (overrides: Partial<CreateSekoiaClientOptions> = {}) =>
    createSekoiaClient({
      baseUrl: fake.url,
      apiKey: fake.apiKey,
      log,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      random: () => 0.5,
      pace: {
        sleep: async (ms) => {
          pauses.push(ms);
        },
      },
      ...options.client,
      ...overrides,
    });
  return { fake, client: makeClient(), sleeps, pauses, logLines, makeClient, close: () => fake.close() };
}
