import { GENERATED_SECRET, type GeneratedSecretName } from '../../config/resolve-secrets.ts';
import type { DoctorCheck } from '../doctor-check.ts';
import type { DoctorStore } from './open-doctor-store.ts';

/** What each generated secret is for, in the operator's words. */
const PURPOSES: Readonly<Record<GeneratedSecretName, string>> = {
  SEKOIA_WEBHOOK_SECRET: "the WebHook URL's secret path",
  ACTION_SIGNING_KEY: "the card buttons' signatures",
};

/**
 * A secret the bot generates when unset (config/resolve-secrets.ts): set in the environment, or
 * generated at the first start and kept in the store. Only read here, never generated nor shown:
 * none of these states is a failure.
 */
export function secretCheck(name: GeneratedSecretName, store: DoctorStore): DoctorCheck {
  return {
    id: `bot.secret.${name}`,
    group: 'Bot',
    title: name,
    async run({ config }) {
      const purpose = PURPOSES[name];
      if (config[name] !== undefined) return { state: 'ok', detail: `set in the environment (${purpose})` };
      let stored: unknown;
      try {
        stored = await (await store.open()).keyv('secrets').get(name);
      } catch {
        return {
          state: 'skip',
          detail: 'not set in the environment, and the store does not answer (see Store above)',
        };
      }
      if (stored === undefined) {
        return { state: 'ok', detail: `not set: generated and stored at the bot's first start (${purpose})` };
      }
      if (typeof stored === 'string' && GENERATED_SECRET.test(stored)) {
        return { state: 'ok', detail: `generated and stored in the store (${purpose})` };
      }
      return {
        state: 'ok',
        detail: `the stored value is not a valid secret: the bot replaces it at its next start (${purpose} change then)`,
      };
    },
  };
}
