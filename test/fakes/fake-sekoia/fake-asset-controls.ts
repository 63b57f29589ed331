import { buildAsset, type FakeAsset } from './fake-asset.ts';
import type { FakeContext } from './fake-context.ts';

/** Test-side controls over the fake's assets. Objects handed out are copies. */
export interface FakeAssetControls {
  addAsset(overrides?: Partial<FakeAsset>): FakeAsset;
  /** Replaces top-level fields of a stored asset (a renamed host, a new criticality). */
  updateAsset(uuid: string, patch: Partial<FakeAsset>): FakeAsset;
  listAssets(): FakeAsset[];
}

export function createFakeAssetControls(context: FakeContext): FakeAssetControls {
  return {
    addAsset(overrides = {}) {
      const asset = buildAsset(overrides, context.clock.now());
      context.assets.set(asset.uuid.toLowerCase(), asset);
      return structuredClone(asset);
    },
    updateAsset(uuid, patch) {
      const asset = context.assets.get(uuid.toLowerCase());
      if (asset === undefined) throw new Error(`fake Sekoia.io has no asset ${uuid}`);
      Object.assign(asset, structuredClone(patch));
      return structuredClone(asset);
    },
    listAssets: () => structuredClone([...context.assets.values()]),
  };
}
