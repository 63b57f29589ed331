import { randomUUID } from 'node:crypto';
import { toSekoiaIso } from './sample-payloads.ts';

/**
 * STIX 2.1 predefined TLP 1.0 markings (oasis-open/cti-python-stix2, stix2/v21/common.py), restated
 * here rather than imported from src/ so that a mistake there is not mirrored in the fake.
 */
export const FAKE_TLP_MARKINGS = {
  white: 'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9',
  green: 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da',
  amber: 'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82',
  red: 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed',
} as const;

/**
 * TLP 2.0 markings of the OASIS extension (oasis-open/cti-stix-common-objects,
 * extension-definition-specifications/tlp-2.0/marking-definition.json): fixed ids and names.
 */
export const FAKE_TLP2_MARKINGS = {
  clear: { id: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487', name: 'TLP:CLEAR' },
  green: { id: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb', name: 'TLP:GREEN' },
  amber: { id: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421', name: 'TLP:AMBER' },
  'amber+strict': {
    id: 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
    name: 'TLP:AMBER+STRICT',
  },
  red: { id: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1', name: 'TLP:RED' },
} as const;

export type FakeTlp2Level = keyof typeof FAKE_TLP2_MARKINGS;

const TLP2_EXTENSION = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

/** A TLP 2.0 marking-definition object as the OASIS schema has it (the id may be a platform's own). */
export function buildTlp2Marking(level: FakeTlp2Level, id: string = FAKE_TLP2_MARKINGS[level].id) {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id,
    created: '2022-10-01T00:00:00.000Z',
    name: FAKE_TLP2_MARKINGS[level].name,
    extensions: { [TLP2_EXTENSION]: { extension_type: 'property-extension', tlp_2_0: level } },
  };
}

/**
 * Overrides marking a report with a TLP 2.0 level: `id` puts the OASIS id in `object_marking_refs`;
 * `name` refers to a marking of the platform's own id and ships its definition (name "TLP:…") in
 * `objects`, as a STIX bundle does, so that only the name tells the level.
 */
export function tlp2Overrides(level: FakeTlp2Level, by: 'id' | 'name'): BuildReportOverrides {
  if (by === 'id') return { object_marking_refs: [FAKE_TLP2_MARKINGS[level].id] };
  const id = `marking-definition--${randomUUID()}`;
  return { object_marking_refs: [id], objects: [...relatedObjects(), buildTlp2Marking(level, id)] };
}

/**
 * A report as the fake serves it under both `/v2/inthreat/reports/{uuid}` and
 * `/v2/inthreat/content-proposals/{uuid}` (same UUID; wrapped in `{"data": …}`). The API fields are
 * unpublished (reference §10.2, §13): this is a STIX 2.1 report with Sekoia's observed extensions
 * (`x_ic_is_in_flint`, TLP in `object_marking_refs`, "FLINT …" external references) and the related
 * threat, sector and country objects embedded in `objects`.
 */
export interface FakeReport {
  uuid: string;
  /** `report--<uuid>`. */
  id: string;
  name: string;
  /** Everything else is loosely typed on purpose: the API's report fields are unpublished. */
  [key: string]: unknown;
}

/** Top-level fields to replace, of any shape; `undefined` removes a field from the JSON served. */
export type BuildReportOverrides = { uuid?: string; id?: string; name?: string; [key: string]: unknown };

function stix(type: string, fields: Record<string, unknown>): Record<string, unknown> {
  return { type, id: `${type}--${randomUUID()}`, spec_version: '2.1', ...fields };
}

/** The threat, sector and country objects a report refers to. */
function relatedObjects(): Record<string, unknown>[] {
  return [
    stix('intrusion-set', { name: 'APT28', aliases: ['Fancy Bear'] }),
    stix('malware', { name: 'HeadLace', is_family: true }),
    stix('identity', { name: 'Government', identity_class: 'class', sectors: ['government-national'] }),
    stix('location', { name: 'France', country: 'FR' }),
  ];
}

/**
 * A realistic FLINT report (TLP:AMBER as TLP 1.0, the marking Sekoia's own objects carry; confidence
 * 80); overrides replace whole top-level fields, `tlp2Overrides` gives it a TLP 2.0 marking.
 */
export function buildReport(overrides: BuildReportOverrides = {}, nowMs = Date.now()): FakeReport {
  const uuid = overrides.uuid ?? randomUUID();
  const now = toSekoiaIso(nowMs);
  const objects = relatedObjects();
  return {
    uuid,
    id: `report--${uuid}`,
    type: 'report',
    spec_version: '2.1',
    name: 'FLINT 2026-011 - APT28 phishing wave against European ministries',
    description: 'A spear-phishing campaign delivering HeadLace to government staff.',
    report_types: ['threat-report'],
    published: now,
    created: now,
    modified: now,
    confidence: 80,
    lang: 'en',
    object_marking_refs: [FAKE_TLP_MARKINGS.amber],
    x_ic_is_in_flint: true,
    x_inthreat_sources_refs: ['identity--357447d7-9229-4ce1-b7fa-f1b83587048e'],
    external_references: [
      {
        source_name: 'FLINT 2026-011 - APT28 phishing wave against European ministries',
        url: `https://app.sekoia.io/intelligence/objects/report--${uuid}`,
      },
    ],
    object_refs: objects.map((object) => String(object.id)),
    objects,
    ...structuredClone(overrides),
  };
}
