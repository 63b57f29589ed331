import { randomInt, randomUUID } from 'node:crypto';
import type { FakeAlert, FakeStatusName } from './fake-alert.ts';
import { FAKE_STATUSES } from './fake-workflow.ts';

export type BuildAlertOverrides = Partial<FakeAlert> & {
  /** Shortcut for `status` (and the matching `custom_status`). */
  statusName?: FakeStatusName;
};

export interface BuildAlertOptions {
  /** Epoch ms the timestamps derive from; defaults to the time of reference §5.2's example. */
  nowMs?: number;
}

/** The community (tenant) of the fake's data and WebHook metadata, from reference §3.2's example. */
export const FAKE_COMMUNITY_UUID = 'b3e1d6a2-7c44-4f0e-8a91-5c2f0d9e6b17';

const EXAMPLE_NOW_MS = Date.UTC(2026, 2, 2, 8, 15, 42);
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const APPLICATION_UUID = '5e2b9c14-0d7a-4f63-8e1b-a94c2d7f6b08';

/** Observed short ids are `AL` + 10 alphanumerics (reference §5.1). */
export function randomShortId(): string {
  return `AL${Array.from({ length: 10 }, () => ALPHANUMERIC[randomInt(ALPHANUMERIC.length)]).join('')}`;
}

/** Sekoia's ISO style: microseconds and `Z` (reference §5.2). */
export function toSekoiaIso(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

function exampleAlert(nowMs: number): FakeAlert {
  const nowS = Math.floor(nowMs / 1000);
  const pending = FAKE_STATUSES.Pending;
  return {
    uuid: randomUUID(),
    short_id: randomShortId(),
    title: 'Suspicious PowerShell download cradle',
    details: 'A PowerShell process fetched and executed remote content.',
    community_uuid: FAKE_COMMUNITY_UUID,
    entity: { uuid: '6a0d3f58-21c9-4be7-9d12-0e7c4b5a8f31', name: 'Lyon HQ' },
    urgency: { current_value: 68, value: 68, severity: 70, criticity: 65, display: 'Major' },
    alert_type: { category: 'intrusions', value: 'system-compromise' },
    status: { ...pending.status },
    custom_status_uuid: pending.custom.uuid,
    custom_status: { ...pending.custom },
    verdict_uuid: null,
    verdict: null,
    rule: {
      uuid: '9d5e0b7a-3c61-4f28-a4d9-1b6e8c2f0a75',
      name: 'Suspicious PowerShell download cradle',
      description: 'Detects PowerShell command lines that download and run a payload.',
      severity: 70,
      type: 'sigma',
      pattern: '',
    },
    detection_type: null,
    source: '10.20.4.17',
    target: 'ws-lyon-042',
    similar: 3,
    first_seen_at: toSekoiaIso(nowMs - 47_000),
    last_seen_at: toSekoiaIso(nowMs),
    created_at: nowS,
    updated_at: nowS,
    created_by: APPLICATION_UUID,
    created_by_type: 'application',
    updated_by: APPLICATION_UUID,
    updated_by_type: 'application',
    assets: ['e7a1c3d9-4b52-4f0e-9c86-2d1b7a5f3e64'],
    kill_chain_short_id: 'KCh3xAmpl3Id',
    ttps: [
      {
        id: 'attack-pattern--1b4c7e2a-9d03-4f6b-8a51-c2e9d07f4b36',
        type: 'attack-pattern',
        name: 'PowerShell',
        description: 'Adversaries may abuse PowerShell.',
      },
    ],
    adversaries: [],
    stix: {},
    number_of_unseen_comments: 0,
    number_of_total_comments: 0,
    comments: [],
    history: [
      {
        uuid: randomUUID(),
        created_at: nowS,
        created_by: APPLICATION_UUID,
        created_by_type: 'application',
        entry_type: 'alert',
        alert: { status: 'Pending', previous_status: null },
        history_comments: [],
      },
    ],
    countermeasures: [],
    is_incident: false,
    similarity_strategy: null,
    time_to_detect: 12,
    time_to_acknowledge: null,
    time_to_respond: null,
    time_to_resolve: null,
    intake_uuids: ['f2c9a7b1-0e6d-4b38-9a54-7d1e3c8f6a29'],
  };
}

/** A realistic alert shaped like reference §5.2, with fresh ids; overrides replace whole top-level fields. */
export function buildAlert(overrides: BuildAlertOverrides = {}, options: BuildAlertOptions = {}): FakeAlert {
  const { statusName, ...fields } = overrides;
  const alert: FakeAlert = { ...exampleAlert(options.nowMs ?? EXAMPLE_NOW_MS), ...structuredClone(fields) };
  if (statusName !== undefined) {
    const row = FAKE_STATUSES[statusName];
    alert.status = { ...row.status };
    alert.custom_status_uuid = row.custom.uuid;
    alert.custom_status = { ...row.custom };
  }
  return alert;
}

/** A sample alert's urgency block with `current_value` set: what tests raise and lower. */
export function alertUrgency(value: number): FakeAlert['urgency'] {
  return { ...buildAlert().urgency, current_value: value };
}
