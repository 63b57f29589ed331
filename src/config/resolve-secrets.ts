import { randomBytes } from 'node:crypto';
import { BotError } from '../errors.ts';
import type { Config } from './load-config.ts';

/** The part of a key–value store this needs (a Keyv namespace fits). */
export interface SecretStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: string): Promise<unknown>;
  /**
   * Stores `value` unless a value is already there, atomically, and returns what is stored then
   * (`value`, or what another replica stored first).
   */
  setIfAbsent(key: string, value: string): Promise<unknown>;
}

export type GeneratedSecretName = 'SEKOIA_WEBHOOK_SECRET' | 'ACTION_SIGNING_KEY';

export interface Secrets {
  webhookSecret: string;
  actionSigningKey: string;
  /** The secrets created during this start (to be shown once). */
  generated: GeneratedSecretName[];
}

/** What a stored secret must look like to be reused; anything else is replaced at start. */
export const GENERATED_SECRET = /^[A-Za-z0-9_-]{24,256}$/;

/**
 * Secrets the operator did not set are generated on first start, stored, and reused after a
 * restart, so WebHook URLs and signed buttons keep working. Replicas starting together on an empty
 * store each propose one; the store keeps the first, and every replica uses the one kept.
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
    if (typeof stored === 'string' && GENERATED_SECRET.test(stored)) return stored;
    const fresh = generate();
    if (stored !== undefined) {
      // An invalid value was left there (edited by hand?): it is overwritten, not raced for, so
      // replicas starting together on it may disagree; an empty store is the case that matters.
      await options.store.set(name, fresh);
      generated.push(name);
      return fresh;
    }
    const kept = await options.store.setIfAbsent(name, fresh);
    if (typeof kept !== 'string' || !GENERATED_SECRET.test(kept)) {
      throw new BotError('config_invalid', {
        message: `the stored ${name} is not a valid secret`,
        details: { name },
      });
    }
    if (kept === fresh) generated.push(name);
    return kept;
  };
  const webhookSecret = await resolve('SEKOIA_WEBHOOK_SECRET');
  const actionSigningKey = await resolve('ACTION_SIGNING_KEY');
  return { webhookSecret, actionSigningKey, generated };
}
