import { randomBytes } from 'node:crypto';
import type { Config } from './load-config.ts';

/** The part of a key–value store this needs (a Keyv namespace fits). */
export interface SecretStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: string): Promise<unknown>;
}

export type GeneratedSecretName = 'SEKOIA_WEBHOOK_SECRET' | 'ACTION_SIGNING_KEY';

export interface Secrets {
  webhookSecret: string;
  actionSigningKey: string;
  /** The secrets created during this start (to be shown once). */
  generated: GeneratedSecretName[];
}

const VALID = /^[A-Za-z0-9_-]{24,256}$/;

/**
 * Secrets the operator did not set are generated on first start, stored, and reused after a
 * restart, so WebHook URLs and signed buttons keep working.
 */
export async function resolveSecrets(options: {
  config: Pick<Config, GeneratedSecretName>;
  store: SecretStore;
  generate?: () => string;
}): Promise<Secrets> {
  const generate = options.generate ?? (() => randomBytes(32).toString('base64url'));
  const generated: GeneratedSecretName[] = [];
  const resolve = async (name: GeneratedSecretName): Promise<string> => {
    const configured = options.config[name];
    if (configured) return configured;
    const stored = await options.store.get(name);
    if (typeof stored === 'string' && VALID.test(stored)) return stored;
    const fresh = generate();
    await options.store.set(name, fresh);
    generated.push(name);
    return fresh;
  };
  const webhookSecret = await resolve('SEKOIA_WEBHOOK_SECRET');
  const actionSigningKey = await resolve('ACTION_SIGNING_KEY');
  return { webhookSecret, actionSigningKey, generated };
}
