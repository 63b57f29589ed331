import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.ts';
import {
  ASSET_ERROR_TTL_MS,
  ASSET_HIT_TTL_MS,
  ASSET_MISS_TTL_MS,
  createAssetCache,
} from '../../src/delivery/create-asset-cache.ts';
import { BotError, type BotErrorCode } from '../../src/errors.ts';
import { createLogger } from '../../src/log.ts';
import type { SekoiaAsset } from '../../src/sekoia/asset-schema.ts';

const log = createLogger({ level: 'silent' });
const SRV = '5b2f7c1e-8a43-4d6e-b0f9-3e1c7a9d2f64';
const WS = '9e4a2c7b-1f58-4b3d-a6e0-7c2d9f1b5e83';
const DC = '1d7f3a9c-6e24-4b8f-a5c1-0e9b2d7f4c38';

/** A lookup that answers from a table, counts its calls, and fails on demand. */
function fakeLookup(table: Record<string, Omit<SekoiaAsset, 'uuid'>>) {
  const calls: string[] = [];
  let failure: BotErrorCode | Error | undefined;
  return {
    calls,
    failWith(next: BotErrorCode | Error | undefined) {
      failure = next;
    },
    lookup: async (uuid: string): Promise<SekoiaAsset> => {
      calls.push(uuid);
      if (failure instanceof Error) throw failure;
      if (failure !== undefined) throw new BotError(failure);
      const found = table[uuid];
      if (found === undefined) throw new BotError('sekoia_not_found');
      return { uuid, ...found };
    },
  };
}

function setup(options: { maxEntries?: number } = {}) {
  const clock = createManualClock();
  const api = fakeLookup({
    [SRV]: { name: 'srv-db-01', criticality: 80 },
    [WS]: { name: 'ws-12', criticality: 30 },
    [DC]: { name: 'dc-01', criticality: 95 },
  });
  const cache = createAssetCache({ lookup: api.lookup, clock, log, ...options });
  return { clock, api, cache };
}

describe('createAssetCache', () => {
  it('reads an asset once an hour, however many alerts name it', async () => {
    const { clock, api, cache } = setup();
    for (let i = 0; i < 50; i += 1) {
      await expect(cache.get(SRV)).resolves.toEqual({ name: 'srv-db-01', criticality: 80 });
      clock.advance(60_000);
    }
    expect(api.calls).toEqual([SRV]);
    clock.set(clock.now() + ASSET_HIT_TTL_MS);
    await cache.get(SRV);
    expect(api.calls).toEqual([SRV, SRV]);
  });

  it('shares one read among the lookups of the same asset made while it is under way', async () => {
    const { api, cache } = setup();
    const all = await Promise.all([cache.get(SRV), cache.get(SRV), cache.get(WS), cache.get(SRV)]);
    expect(all.map((info) => info?.name)).toEqual(['srv-db-01', 'srv-db-01', 'ws-12', 'srv-db-01']);
    expect(api.calls).toEqual([SRV, WS]);
  });

  it('remembers an unknown asset for a shorter while', async () => {
    const { clock, api, cache } = setup();
    const unknown = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    await expect(cache.get(unknown)).resolves.toBeUndefined();
    clock.advance(ASSET_MISS_TTL_MS - 1);
    await cache.get(unknown);
    expect(api.calls).toEqual([unknown]);
    clock.advance(1);
    await cache.get(unknown);
    expect(api.calls).toEqual([unknown, unknown]);
  });

  it('tries again a minute after a passing failure, and never rejects', async () => {
    const { clock, api, cache } = setup();
    api.failWith('sekoia_unavailable');
    await expect(cache.get(SRV)).resolves.toBeUndefined();
    await expect(cache.get(SRV)).resolves.toBeUndefined();
    expect(api.calls).toHaveLength(1);
    api.failWith(new TypeError('fetch failed'));
    clock.advance(ASSET_ERROR_TTL_MS);
    await expect(cache.get(SRV)).resolves.toBeUndefined();
    api.failWith(undefined);
    clock.advance(ASSET_ERROR_TTL_MS);
    await expect(cache.get(SRV)).resolves.toMatchObject({ name: 'srv-db-01' });
    expect(api.calls).toHaveLength(3);
  });

  it('keeps showing the last name known while the asset API is down', async () => {
    const { clock, api, cache } = setup();
    await cache.get(SRV);
    clock.advance(ASSET_HIT_TTL_MS);
    api.failWith('sekoia_unavailable');
    await expect(cache.get(SRV)).resolves.toEqual({ name: 'srv-db-01', criticality: 80 });
    api.failWith('sekoia_not_found');
    clock.advance(ASSET_ERROR_TTL_MS);
    await expect(cache.get(SRV)).resolves.toBeUndefined();
  });

  it('remembers a refusal (403) like an unknown asset, not asking again for every alert', async () => {
    const { clock, api, cache } = setup();
    api.failWith('sekoia_forbidden');
    await cache.get(SRV);
    clock.advance(ASSET_ERROR_TTL_MS * 5);
    await cache.get(SRV);
    expect(api.calls).toHaveLength(1);
  });

  it('keeps at most maxEntries assets, dropping the least recently used', async () => {
    const { api, cache } = setup({ maxEntries: 2 });
    await cache.get(SRV);
    await cache.get(WS);
    await cache.get(SRV);
    await cache.get(DC);
    expect(api.calls).toEqual([SRV, WS, DC]);
    await cache.get(SRV);
    expect(api.calls).toEqual([SRV, WS, DC]);
    await cache.get(WS);
    expect(api.calls).toEqual([SRV, WS, DC, WS]);
  });
});
