/**
 * The TLP of a report, from whatever the Intelligence API puts on it (its report fields are not
 * published: reference sekoia-api §10.2, §13). Both TLP versions are read:
 * - TLP 1.0 (WHITE, GREEN, AMBER, RED): the STIX 2.1 predefined markings, whose ids are fixed by the
 *   spec (oasis-open/cti-python-stix2, stix2/v21/common.py: TLP_WHITE … TLP_RED). Sekoia's own
 *   intelligence objects carry these (SEKOIA-IO/automation-library, Sekoia.io/tests/test_get_context.py).
 * - TLP 2.0 (CLEAR, GREEN, AMBER, AMBER+STRICT, RED): the OASIS TLP 2.0 marking extension
 *   (oasis-open/cti-stix-common-objects, extension-definition-specifications/tlp-2.0/marking-definition.json:
 *   fixed ids, names "TLP:…" and `extensions[<extension id>].tlp_2_0`).
 * - OpenCTI's AMBER+STRICT id, used where TLP 1.0 ids are kept for the other colours
 *   (OpenCTI-Platform/opencti, client-python/pycti/entities/opencti_marking_definition.py).
 *
 * Sources, all tried: `x_inthreat_tlp`, `x_ic_tlp`, `tlp` (text such as "amber", "TLP:AMBER+STRICT");
 * `object_marking_refs` (ids; marking objects; text), an id being resolved through the marking
 * definitions embedded in `objects` / `bundle.objects` when it is not one of the fixed ids. The most
 * restrictive wins. WHITE and CLEAR are kept apart for the badge; rules treat them as one.
 */
export type ReportTlp = 'white' | 'clear' | 'green' | 'amber' | 'amber+strict' | 'red';

type Fields = Record<string, unknown>;

const RESTRICTION: Readonly<Record<ReportTlp, number>> = {
  white: 0,
  clear: 0,
  green: 1,
  amber: 2,
  'amber+strict': 3,
  red: 4,
};

/** The extension-definition id of the OASIS TLP 2.0 marking extension. */
export const TLP2_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

export const TLP_MARKING_IDS: Readonly<Record<string, ReportTlp>> = {
  // STIX 2.1 §7.2.1.4, TLP 1.0.
  'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9': 'white',
  'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da': 'green',
  'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82': 'amber',
  'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed': 'red',
  // OASIS TLP 2.0 extension.
  'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487': 'clear',
  'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb': 'green',
  'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421': 'amber',
  'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003': 'amber+strict',
  'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1': 'red',
  // OpenCTI's static AMBER+STRICT.
  'marking-definition--826578e1-40ad-459f-bc73-ede076f81f37': 'amber+strict',
};

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** "TLP:AMBER+STRICT", "amber + strict", "Amber_Strict", "TLP: clear" → the level; else undefined. */
function tlpFromText(text: unknown): ReportTlp | undefined {
  if (typeof text !== 'string' || text.length > 100) return undefined;
  const known = TLP_MARKING_IDS[text.trim().toLowerCase()];
  if (known !== undefined) return known;
  const word = text
    .trim()
    .toLowerCase()
    .replace(/^tlp\s*[:\s]\s*/, '')
    .replace(/\s*[+_\s-]\s*strict$/, '+strict');
  return Object.hasOwn(RESTRICTION, word) ? (word as ReportTlp) : undefined;
}

/** A marking-definition object: its TLP 2.0 extension, TLP 1.0 definition, OpenCTI hint, name or id. */
function tlpFromMarkingObject(marking: Fields): ReportTlp | undefined {
  const extensions = isFields(marking.extensions) ? marking.extensions[TLP2_EXTENSION_ID] : undefined;
  const definition = isFields(marking.definition) ? marking.definition.tlp : marking.definition;
  return (
    tlpFromText(isFields(extensions) ? extensions.tlp_2_0 : undefined) ??
    tlpFromText(definition) ??
    tlpFromText(marking.x_opencti_definition) ??
    tlpFromText(marking.name) ??
    tlpFromText(marking.id)
  );
}

function mostRestrictive(levels: readonly (ReportTlp | undefined)[]): ReportTlp | undefined {
  let found: ReportTlp | undefined;
  for (const level of levels) {
    if (level !== undefined && (found === undefined || RESTRICTION[level] > RESTRICTION[found]))
      found = level;
  }
  return found;
}

/** Marking definitions shipped with the report (a STIX bundle carries the ones its objects use). */
function embeddedMarkings(report: Fields): Map<string, Fields> {
  const bundle = isFields(report.bundle) ? report.bundle.objects : undefined;
  const markings = new Map<string, Fields>();
  for (const object of [...asList(report.objects), ...asList(bundle)]) {
    if (isFields(object) && object.type === 'marking-definition' && typeof object.id === 'string')
      markings.set(object.id, object);
  }
  return markings;
}

export function readReportTlp(report: Fields): ReportTlp | undefined {
  const markings = embeddedMarkings(report);
  const fromRef = (ref: unknown): ReportTlp | undefined => {
    if (isFields(ref)) return tlpFromMarkingObject(ref);
    const embedded = typeof ref === 'string' ? markings.get(ref) : undefined;
    return tlpFromText(ref) ?? (embedded === undefined ? undefined : tlpFromMarkingObject(embedded));
  };
  return mostRestrictive([
    tlpFromText(report.x_inthreat_tlp),
    tlpFromText(report.x_ic_tlp),
    tlpFromText(report.tlp),
    ...asList(report.object_marking_refs).map(fromRef),
  ]);
}
