import { z } from 'zod';
import { nullableText, someName } from './lenient-fields.ts';
import { type ReportTlp, readReportFields } from './report-fields.ts';

export type { ReportTlp } from './report-fields.ts';

/** What a report card and the `report` conditions need, from a report or a content proposal. */
export interface SekoiaReport {
  /** The object's `uuid`, else the UUID part of its STIX id. */
  uuid: string | undefined;
  /** STIX id such as `report--<uuid>`, when the object has one. */
  stixId: string | undefined;
  /** Absent when the answer has none: the card then names the report by its id. */
  name: string | undefined;
  description: string | undefined;
  threats: string[];
  sectors: string[];
  countries: string[];
  tlp: ReportTlp | undefined;
  /** 0–100. */
  confidence: number | undefined;
  flint: boolean;
  link: string | undefined;
}

const reportObjectSchema = z
  .looseObject({
    id: someName,
    uuid: someName,
    name: someName,
    description: nullableText,
    /** 0–100; anything else reads as absent. */
    confidence: z.number().min(0).max(100).optional().catch(undefined),
  })
  .refine((object) => Boolean(object.name ?? object.uuid ?? object.id), {
    message: 'neither a name nor an id',
  });

function uuidOf(object: z.output<typeof reportObjectSchema>): string | undefined {
  return object.uuid ?? object.id?.split('--')[1] ?? undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One envelope off: `{"data": …}`, `{"items": […]}` or a list, whose first item is taken. */
function unwrapOnce(body: unknown): unknown {
  if (Array.isArray(body)) return body[0];
  if (!isRecord(body)) return body;
  if (isRecord(body.data) || Array.isArray(body.data)) return body.data;
  if (Array.isArray(body.items)) return body.items[0];
  return body;
}

/** A STIX bundle's report, with the bundle's other objects as its own `objects` (read by report-fields.ts). */
function reportOfBundle(bundle: Record<string, unknown>): unknown {
  const objects = Array.isArray(bundle.objects) ? bundle.objects.filter(isRecord) : [];
  const report = objects.find((object) => object.type === 'report');
  if (report === undefined) return undefined;
  return { objects: objects.filter((object) => object !== report), ...report };
}

/**
 * The report in an answer whose shape is not published (reference §13): `{"data": {…}}` as recorded
 * (reference §4), a bare object, a list or `{"items": […]}`, or a STIX bundle (wrapped or not).
 */
function findReport(body: unknown): unknown {
  let value = body;
  for (let depth = 0; depth < 3; depth += 1) {
    const inner = unwrapOnce(value);
    if (inner === value) break;
    value = inner;
  }
  return isRecord(value) && value.type === 'bundle' ? reportOfBundle(value) : value;
}

/**
 * `GET /v2/inthreat/reports/{uuid}` and `…/content-proposals/{uuid}`, read leniently: only an answer that
 * holds no report at all (no name, no id) is unreadable. The assumed field sources are in report-fields.ts.
 */
export const reportSchema = z.preprocess(
  findReport,
  reportObjectSchema.transform(
    (object): SekoiaReport => ({
      uuid: uuidOf(object),
      stixId: object.id,
      name: object.name,
      description: object.description ?? undefined,
      confidence: object.confidence,
      ...readReportFields(object),
    }),
  ),
);
