import { randomBytes, randomUUID } from 'node:crypto';
import { FAKE_COMMUNITY_UUID } from './sample-payloads.ts';

/** An intake as `GET /v1/sic/conf/intakes` lists it (reference §9), secret `intake_key` included. */
export interface FakeIntake {
  uuid: string;
  name: string;
  community_uuid: string;
  entity_uuid: string;
  entity: { uuid: string; name: string };
  format_uuid: string;
  /** The secret that lets anyone push events into the intake; the bot must never keep it. */
  intake_key: string;
  is_custom_format: boolean;
  connector_configuration_uuid: string | null;
  status: string | null;
  /** Unix seconds, like alerts (the reference gives no type for intakes). */
  created_at: number;
  created_by: string;
  created_by_type: string;
  updated_at: number;
  [key: string]: unknown;
}

const ENTITY = { uuid: '6a0d3f58-21c9-4be7-9d12-0e7c4b5a8f31', name: 'Lyon HQ' };

/** A push intake with fresh ids and key; overrides replace whole top-level fields. */
export function buildIntake(overrides: Partial<FakeIntake> = {}, nowMs = Date.now()): FakeIntake {
  const nowS = Math.floor(nowMs / 1000);
  const entity = overrides.entity ?? ENTITY;
  return {
    uuid: randomUUID(),
    name: 'Firewall EU',
    community_uuid: FAKE_COMMUNITY_UUID,
    entity_uuid: entity.uuid,
    entity,
    format_uuid: randomUUID(),
    intake_key: randomBytes(24).toString('base64url'),
    is_custom_format: false,
    connector_configuration_uuid: null,
    status: null,
    created_at: nowS,
    created_by: randomUUID(),
    created_by_type: 'avatar',
    updated_at: nowS,
    updated_by: null,
    updated_by_type: null,
    ...structuredClone(overrides),
  };
}
