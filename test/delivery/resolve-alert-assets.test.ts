import { describe, expect, it } from 'vitest';
import type { AssetCache, AssetInfo } from '../../src/delivery/create-asset-cache.ts';
import { createAssetResolver } from '../../src/delivery/resolve-alert-assets.ts';
import type { AlertSummary } from '../../src/normalize/notification.ts';

const uuid = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

function summary(assets: readonly string[]): AlertSummary {
  return {
    uuid: 'a1',
    shortId: 'ALa1',
    title: 't',
    urgency: 50,
    urgencyLevel: 'medium',
    status: { uuid: undefined, name: 'Pending' },
    entity: { uuid: undefined, name: undefined },
    rule: { uuid: undefined, name: undefined },
    alertType: { category: undefined, value: undefined },
    assets: assets.map((id) => ({ uuid: id, name: undefined, criticality: undefined })),
    criticality: undefined,
    occurrences: 1,
    firstSeenAt: undefined,
    lastSeenAt: undefined,
    communityUuid: undefined,
    link: 'https://app.sekoia.io/operations/alerts/ALa1',
  };
}

/** A cache that names every asset `host-<n>`, or never answers for the UUIDs in `hang`. */
function namingCache(hang: ReadonlySet<string> = new Set()) {
  const asked: string[] = [];
  const cache: AssetCache = {
    get(id): Promise<AssetInfo | undefined> {
      asked.push(id);
      if (hang.has(id)) return new Promise(() => {});
      return Promise.resolve({ name: `host-${Number(id.slice(-12))}`, criticality: 10 });
    },
  };
  return { asked, cache };
}

describe('createAssetResolver', () => {
  it('names the assets with their criticality, keeping the order and the UUIDs', async () => {
    const { cache } = namingCache();
    const resolved = await createAssetResolver({ cache }).resolve(summary([uuid(2), uuid(1)]));
    expect(resolved.assets).toEqual([
      { uuid: uuid(2), name: 'host-2', criticality: 10 },
      { uuid: uuid(1), name: 'host-1', criticality: 10 },
    ]);
  });

  it('looks up at most the first ten distinct assets of an alert; the others keep their UUIDs', async () => {
    const { asked, cache } = namingCache();
    const ids = [uuid(0), uuid(0), ...Array.from({ length: 14 }, (_, i) => uuid(i + 1))];
    const resolved = await createAssetResolver({ cache }).resolve(summary(ids));
    expect(asked).toHaveLength(10);
    expect(resolved.assets).toHaveLength(15);
    expect(resolved.assets.filter((asset) => asset.name !== undefined)).toHaveLength(10);
    expect(resolved.assets.at(-1)).toEqual({ uuid: uuid(14), name: undefined, criticality: undefined });
  });

  it('does not look up what is no UUID', async () => {
    const { asked, cache } = namingCache();
    const resolved = await createAssetResolver({ cache }).resolve(summary(['../../v1/me', 'WS-114']));
    expect(asked).toEqual([]);
    expect(resolved.assets.map((asset) => asset.uuid)).toEqual(['../../v1/me', 'WS-114']);
  });

  it('does not hold the card back for a slow lookup: that asset keeps its UUID', async () => {
    const { cache } = namingCache(new Set([uuid(2)]));
    const started = Date.now();
    const resolved = await createAssetResolver({ cache, waitMs: 50 }).resolve(summary([uuid(1), uuid(2)]));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(resolved.assets).toEqual([
      { uuid: uuid(1), name: 'host-1', criticality: 10 },
      { uuid: uuid(2), name: undefined, criticality: undefined },
    ]);
  });
});
