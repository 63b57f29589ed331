import { setTimeout as delay } from 'node:timers/promises';
import type { AlertAsset, AlertSummary } from '../normalize/notification.ts';
import { isSekoiaUuid } from '../sekoia/validate-alert-id.ts';
import { MAX_ASSETS } from './alert-card-facts.ts';
import type { AssetCache, AssetInfo } from './create-asset-cache.ts';

/** Assets looked up per alert: as many as a card names, the others stay UUIDs. */
export const MAX_ASSET_LOOKUPS = MAX_ASSETS;
/** How long a card waits for asset names before it goes out with UUIDs (the reads go on, cached). */
export const ASSET_WAIT_MS = 3_000;

/** Names an alert's assets, as far as the asset API allows in time; never rejects. */
export interface AssetResolver {
  resolve(alert: AlertSummary): Promise<AlertSummary>;
}

export interface CreateAssetResolverOptions {
  cache: AssetCache;
  maxLookups?: number;
  waitMs?: number;
}

export function createAssetResolver(options: CreateAssetResolverOptions): AssetResolver {
  const maxLookups = options.maxLookups ?? MAX_ASSET_LOOKUPS;
  const waitMs = options.waitMs ?? ASSET_WAIT_MS;
  return {
    async resolve(alert) {
      const assets = uniqueAssets(alert.assets);
      const wanted = assets
        .map((asset) => asset.uuid)
        .filter(isSekoiaUuid)
        .slice(0, maxLookups);
      if (wanted.length === 0) return { ...alert, assets };
      const found = await readWithin(options.cache, wanted, waitMs);
      return { ...alert, assets: assets.map((asset) => named(asset, found.get(asset.uuid))) };
    },
  };
}

/** Each read races one deadline: what is cached comes at once, a slow read leaves its UUID. */
async function readWithin(
  cache: AssetCache,
  uuids: readonly string[],
  waitMs: number,
): Promise<Map<string, AssetInfo>> {
  const timer = new AbortController();
  const deadline = delay(waitMs, undefined, { signal: timer.signal, ref: false }).catch(() => undefined);
  try {
    const infos = await Promise.all(
      uuids.map((uuid) => Promise.race([cache.get(uuid.toLowerCase()), deadline])),
    );
    const found = new Map<string, AssetInfo>();
    for (const [index, info] of infos.entries()) {
      const uuid = uuids[index];
      if (uuid !== undefined && info !== undefined) found.set(uuid, info);
    }
    return found;
  } finally {
    timer.abort();
  }
}

function named(asset: AlertAsset, info: AssetInfo | undefined): AlertAsset {
  if (info === undefined) return asset;
  return {
    uuid: asset.uuid,
    name: info.name ?? asset.name,
    criticality: info.criticality ?? asset.criticality,
  };
}

/** An alert lists an asset once; a repeated UUID would only repeat a name on the card. */
function uniqueAssets(assets: readonly AlertAsset[]): AlertAsset[] {
  const seen = new Set<string>();
  return assets.filter((asset) => {
    const key = asset.uuid.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
