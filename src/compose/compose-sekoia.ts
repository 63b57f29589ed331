import type { Clock } from '../clock.ts';
import type { BackoffPolicy } from '../compute-backoff.ts';
import type { Config } from '../config/load-config.ts';
import { createAssetCache } from '../delivery/create-asset-cache.ts';
import { type AssetResolver, createAssetResolver } from '../delivery/resolve-alert-assets.ts';
import type { Logger } from '../log.ts';
import { createPreviewer, type Previewer } from '../preview/create-previewer.ts';
import type { RecoveryNotifier } from '../queue/create-recovery-notifier.ts';
import { SEKOIA_DEPENDENCY } from '../queue/waiting-for-of.ts';
import { createSekoiaClient } from '../sekoia/create-sekoia-client.ts';
import type { SekoiaPaceOptions } from '../sekoia/create-sekoia-pacer.ts';
import { createWorkflowReader, type WorkflowReader } from '../sekoia/create-workflow-reader.ts';
import type { SekoiaApi } from '../sekoia/sekoia-api.ts';
import { createSekoiaWatchSources } from '../watchers/create-sekoia-watch-sources.ts';

/** In-process retries and the error pause of the Sekoia.io client (tests shorten them). */
export interface SekoiaRetryOptions {
  maxRetries?: number;
  backoff?: BackoffPolicy;
  pace?: SekoiaPaceOptions;
}

export interface SekoiaSide {
  /** The one paced client every Sekoia.io call goes through. */
  sekoia: SekoiaApi;
  /** What the watchers and the report / catalog WebHooks read. */
  sources: ReturnType<typeof createSekoiaWatchSources>;
  /** Asset names and criticality, cached. */
  assets: AssetResolver;
  /** One reader: a refused `GET …/workflow` is remembered for the cards and the buttons alike. */
  workflow: WorkflowReader;
  /** `preview` and `subscribe … --preview`: the listing, paced behind cards, and the same asset names. */
  preview: Previewer;
}

/** The Sekoia.io client and what is built on it alone. */
export function composeSekoia(deps: {
  config: Readonly<Config>;
  retry: SekoiaRetryOptions | undefined;
  pause: (ms: number) => Promise<void>;
  clock: Clock;
  log: Logger;
  /** Told of each answered request, so that jobs waiting for a Sekoia.io outage run at once. */
  recovery?: RecoveryNotifier;
}): SekoiaSide {
  const { config, clock, log } = deps;
  const sekoia = createSekoiaClient({
    baseUrl: config.SEKOIA_API_URL,
    apiKey: config.SEKOIA_API_KEY,
    log,
    ...deps.retry,
    pace: { requestsPerSecond: config.SEKOIA_API_RATE, ...deps.retry?.pace },
    onSuccess: () => deps.recovery?.succeeded(SEKOIA_DEPENDENCY),
  });
  const assets = createAssetResolver({
    cache: createAssetCache({ lookup: (uuid) => sekoia.getAsset(uuid), clock, log }),
  });
  return {
    sekoia,
    sources: createSekoiaWatchSources({ sekoia, pause: deps.pause }),
    assets,
    workflow: createWorkflowReader({ sekoia, clock, log }),
    preview: createPreviewer({ sekoia, assets, now: () => clock.now() }),
  };
}
