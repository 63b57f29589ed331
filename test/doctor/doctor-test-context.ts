import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Env, loadConfig } from '../../src/config/load-config.ts';
import type { DoctorContext } from '../../src/doctor/doctor-check.ts';
import { createLogger } from '../../src/log.ts';

export const quietLog = createLogger({ level: 'silent' });

/** A SQLite STORE_URL in a fresh directory of its own. */
export function tempStoreUrl(): string {
  return `sqlite://${join(mkdtempSync(join(tmpdir(), 'doctor-')), 'store.sqlite')}`;
}

/** The context the doctor builds, from a literal environment, with a short request deadline. */
export function doctorContext(env: Env): DoctorContext {
  return {
    config: loadConfig(env),
    fetch: (url, init = {}) => fetch(url, { ...init, signal: AbortSignal.timeout(2_000) }),
    ruleChannels: async () => [],
  };
}
