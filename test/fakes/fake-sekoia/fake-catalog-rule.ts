import { randomUUID } from 'node:crypto';
import { toSekoiaIso } from './sample-payloads.ts';

/** A Rules Catalog rule as Sekoia.io serves it (reference §10.1, field types from S26). */
export interface FakeCatalogRule {
  uuid: string;
  name: string;
  description: string;
  /** S26 leaves its JSON type open; `sigma` in practice. */
  type: unknown;
  /** The rule body: the "pattern" of the notification conditions. */
  payload: string;
  /** 0–100. */
  severity: number;
  effort: number;
  enabled: boolean;
  verified: boolean;
  source: string;
  private: boolean;
  community_uuid: string | null;
  instance_uuid: string;
  related_object_refs: string[];
  /** ISO-8601. */
  created_at: string;
  created_by: string;
  created_by_type: string;
  updated_at: string;
  [key: string]: unknown;
}

const SEKOIA_APPLICATION = '5e2b9c14-0d7a-4f63-8e1b-a94c2d7f6b08';

/** A realistic catalog rule with fresh ids; overrides replace whole top-level fields. */
export function buildCatalogRule(
  overrides: Partial<FakeCatalogRule> = {},
  nowMs = Date.now(),
): FakeCatalogRule {
  const now = toSekoiaIso(nowMs);
  return {
    uuid: randomUUID(),
    name: 'Rundll32 loading a DLL from a user-writable folder',
    description: 'Detects rundll32.exe executing a DLL stored under AppData or Temp.',
    type: 'sigma',
    payload:
      'detection:\n  selection:\n    process.name: rundll32.exe\n    process.command_line|contains: \\AppData\\\n  condition: selection',
    severity: 60,
    effort: 2,
    enabled: false,
    verified: true,
    source: 'Sekoia.io',
    private: false,
    community_uuid: null,
    instance_uuid: randomUUID(),
    related_object_refs: ['attack-pattern--045d0922-2310-4e60-b5e4-3302302cb3c5'],
    alert_type: { uuid: randomUUID(), category_uuid: randomUUID(), value: 'system-compromise' },
    alert_category: { uuid: randomUUID(), name: 'Intrusions' },
    tags: [],
    datasources: [{ uuid: randomUUID(), name: 'Process monitoring' }],
    event_fields: [{ field: 'process.command_line', description: 'Command line' }],
    similarity_strategy: [],
    created_at: now,
    created_by: SEKOIA_APPLICATION,
    created_by_type: 'application',
    updated_at: now,
    updated_by: SEKOIA_APPLICATION,
    updated_by_type: 'application',
    ...structuredClone(overrides),
  };
}
