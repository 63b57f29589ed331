import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import type { Env } from './load-config.ts';

/**
 * Merges an optional `.env` file under the process environment: a variable set in the
 * environment wins over the file, as operators expect.
 */
export function withEnvFile(env: Env, path: string): Env {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return env;
    throw error;
  }
  return { ...parseEnv(text), ...definedOnly(env) };
}

function definedOnly(env: Env): Env {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined));
}
