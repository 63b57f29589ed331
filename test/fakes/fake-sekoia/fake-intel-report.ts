import { randomUUID } from 'node:crypto';
import { toSekoiaIso } from './sample-payloads.ts';

/**
 * STIX 2.1 predefined TLP markings, restated here rather than imported from src/ so that a mistake
 * there is not mirrored in the fake.
 */
export const FAKE_TLP_MARKINGS = {
  white: 'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9',
  green: 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da',
  amber: 'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82',
  red: 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed',
} as const;

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

/** A realistic FLINT report (TLP:AMBER, confidence 80); overrides replace whole top-level fields. */
export function buildReport(overrides: BuildReportOverrides = {}, nowMs = Date.now()): FakeReport {
  const uuid = overrides.uuid ?? randomUUID();
  const now = toSekoiaIso(nowMs);
  const objects = [
    stix('intrusion-set', { name: 'APT28', aliases: ['Fancy Bear'] }),
    stix('malware', { name: 'HeadLace', is_family: true }),
    stix('identity', { name: 'Government', identity_class: 'class', sectors: ['government-national'] }),
    stix('location', { name: 'France', country: 'FR' }),
  ];
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
