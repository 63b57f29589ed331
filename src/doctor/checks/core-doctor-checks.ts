import type { DoctorCheck } from '../doctor-check.ts';
import { configCheck } from './config-check.ts';
import type { DoctorSekoia } from './doctor-sekoia.ts';
import type { DoctorStore } from './open-doctor-store.ts';
import { publicUrlCheck } from './public-url-check.ts';
import { secretCheck } from './secret-checks.ts';
import { sekoiaKeySetCheck, sekoiaKeyValidCheck } from './sekoia-key-checks.ts';
import { sekoiaPermissionChecks, type TriggersInUse } from './sekoia-permission-checks.ts';
import { sekoiaRegionCheck } from './sekoia-region-check.ts';
import { type OpenQueue, queueCheck, storeCheck } from './store-checks.ts';

export interface CoreDoctorDeps {
  store: DoctorStore;
  sekoia: DoctorSekoia;
  triggersInUse: TriggersInUse;
  openQueue: OpenQueue;
  /** Where the configuration was read from, for its line. */
  configSource: string;
}

/** The bot's own checks, before the platforms' ones: the bot itself, then Sekoia.io. */
export function coreDoctorChecks(deps: CoreDoctorDeps): DoctorCheck[] {
  return [
    configCheck(deps.configSource),
    storeCheck(deps.store),
    queueCheck(deps.store, deps.openQueue),
    secretCheck('SEKOIA_WEBHOOK_SECRET', deps.store),
    secretCheck('ACTION_SIGNING_KEY', deps.store),
    publicUrlCheck(),
    sekoiaKeySetCheck(),
    sekoiaKeyValidCheck(deps.sekoia),
    sekoiaRegionCheck(),
    ...sekoiaPermissionChecks(deps.sekoia, deps.triggersInUse),
  ];
}
