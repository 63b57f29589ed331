import type { Keyv } from 'keyv';
import type { SecretStore } from '../config/resolve-secrets.ts';
import { setIfAbsent } from './set-if-absent.ts';

/** The generated secrets in a keyv namespace; a first start's secret is created atomically. */
export function createKeyvSecretStore(keyv: Keyv): SecretStore {
  return {
    get: (key) => keyv.get(key),
    set: (key, value) => keyv.set(key, value),
    setIfAbsent: (key, value) => setIfAbsent(keyv, key, value),
  };
}
