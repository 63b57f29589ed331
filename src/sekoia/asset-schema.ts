import { z } from 'zod';
import { readCriticality } from './criticality-schema.ts';

/** Names are shown on one card line: longer ones are cut here so the cache stays small. */
export const ASSET_NAME_MAX = 200;

/**
 * What the bot reads of `GET /v2/asset-management/assets/{uuid}`: its name and criticality.
 * Per the "Get Asset (V2)" action manifest (SEKOIA-IO/automation-library
 * Sekoia.io/action_returns_an_asset_v2.json) `name` is a string and `criticality` an integer or null;
 * the same manifest still lists the v1 `criticity` object (`{value, display}`, action_returns_an_asset.json),
 * read when `criticality` is absent. Every field is optional here: a card never waits on an asset.
 */
export const assetSchema = z
  .looseObject({
    uuid: z.unknown().optional(),
    name: z.unknown().optional(),
    criticality: z.unknown().optional(),
    criticity: z.unknown().optional(),
  })
  .transform(
    (raw): SekoiaAsset => ({
      uuid: typeof raw.uuid === 'string' && raw.uuid !== '' ? raw.uuid : undefined,
      name: readName(raw.name),
      criticality: readCriticality(raw.criticality) ?? readLegacyCriticity(raw.criticity),
    }),
  );

export interface SekoiaAsset {
  uuid: string | undefined;
  name: string | undefined;
  /** 0–100. */
  criticality: number | undefined;
}

function readName(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const name = value.trim();
  return name === '' ? undefined : name.slice(0, ASSET_NAME_MAX);
}

function readLegacyCriticity(value: unknown): number | undefined {
  if (typeof value === 'object' && value !== null && 'value' in value) return readCriticality(value.value);
  return readCriticality(value);
}
