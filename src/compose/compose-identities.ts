import type { Clock } from '../clock.ts';
import type { Config } from '../config/load-config.ts';
import {
  createIdentityLinks,
  DISABLED_IDENTITY_LINKS,
  type IdentityLinks,
} from '../identity/create-identity-links.ts';
import { parseIdentityKey } from '../identity/parse-identity-key.ts';
import type { Logger } from '../log.ts';
import type { SekoiaApi } from '../sekoia/sekoia-api.ts';
import { createKeyvIdentityStore } from '../storage/create-keyv-identity-store.ts';
import type { Store } from '../storage/create-store.ts';

/**
 * Linked identities, on when IDENTITY_ENCRYPTION_KEY is set (validated by the config). The key is
 * never generated and stored beside the records: that would leave them readable to whoever reads the store.
 */
export function composeIdentities(deps: {
  config: Readonly<Config>;
  store: Store;
  sekoia: Pick<SekoiaApi, 'whoAmI'>;
  clock: Clock;
  log: Logger;
}): IdentityLinks {
  const { config, store, sekoia, clock, log } = deps;
  const key = config.IDENTITY_ENCRYPTION_KEY ? parseIdentityKey(config.IDENTITY_ENCRYPTION_KEY) : undefined;
  if (key === undefined) return DISABLED_IDENTITY_LINKS;
  const records = createKeyvIdentityStore(store.keyv('identities'));
  return createIdentityLinks({ key, store: records, sekoia, clock, log });
}
