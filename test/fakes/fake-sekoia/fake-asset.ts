import { randomUUID } from 'node:crypto';
import { FAKE_COMMUNITY_UUID } from './sample-payloads.ts';

/**
 * An asset as `GET /v2/asset-management/assets/{uuid}` answers it: the fields of the "Get Asset (V2)"
 * action manifest (SEKOIA-IO/automation-library Sekoia.io/action_returns_an_asset_v2.json, which
 * requires uuid, community_uuid, name and type), values shaped like the sample answer in
 * Sekoia.io/tests/operation_center_action/test_get_asset.py.
 */
export interface FakeAsset {
  uuid: string;
  entity_uuid: string | null;
  community_uuid: string;
  name: string;
  /** `host`, `account` or `network` (SEKOIA-IO/documentation docs/xdr/features/collect/assets.md). */
  type: string;
  category: string | null;
  /** 0–100, or null when never set. */
  criticality: number | null;
  description: string;
  /** ISO-8601. */
  created_at: string;
  created_by: string;
  created_by_type: string;
  updated_at: string;
  nb_atoms: number;
  atoms: Record<string, string[]>;
  props: Record<string, unknown>;
  tags: string[];
  revoked: boolean;
  reviewed: boolean;
  source: 'manual' | 'automatic' | 'import';
  [key: string]: unknown;
}

/** A host asset with fresh ids; overrides replace whole top-level fields. */
export function buildAsset(overrides: Partial<FakeAsset> = {}, nowMs = Date.now()): FakeAsset {
  const now = new Date(nowMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    uuid: randomUUID(),
    entity_uuid: null,
    community_uuid: FAKE_COMMUNITY_UUID,
    name: 'srv-db-01',
    type: 'host',
    category: 'server',
    criticality: 50,
    description: '',
    created_at: now,
    created_by: randomUUID(),
    created_by_type: 'avatar',
    updated_at: now,
    nb_atoms: 1,
    atoms: { hostname: ['srv-db-01'] },
    props: {},
    tags: [],
    revoked: false,
    reviewed: true,
    source: 'manual',
    ...structuredClone(overrides),
  };
}
