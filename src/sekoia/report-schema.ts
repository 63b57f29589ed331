import { z } from 'zod';
import { type ReportTlp, readReportFields } from './report-fields.ts';

export type { ReportTlp } from './report-fields.ts';

/** What a report card and the `report` conditions need, from a report or a content proposal. */
export interface SekoiaReport {
  /** The object's `uuid`, else the UUID part of its STIX id. */
  uuid: string | undefined;
  /** STIX id such as `report--<uuid>`, when the object has one. */
  stixId: string | undefined;
  name: string;
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

const reportObjectSchema = z.looseObject({
  id: z.string().nullish(),
  uuid: z.string().nullish(),
  name: z.string().min(1),
  description: z.string().nullish(),
  confidence: z.number().min(0).max(100).nullish(),
});

function uuidOf(object: z.output<typeof reportObjectSchema>): string | undefined {
  return object.uuid ?? object.id?.split('--')[1] ?? undefined;
}

function unwrapData(body: unknown): unknown {
  const isObject = typeof body === 'object' && body !== null;
  return isObject && 'data' in body && typeof body.data === 'object' && body.data !== null ? body.data : body;
}

/**
 * `GET /v2/inthreat/reports/{uuid}` and `…/content-proposals/{uuid}` answer `{"data": {…}}` (reference
 * §4); a bare object is accepted too. The assumed field sources are listed in report-fields.ts.
 */
export const reportSchema = z.preprocess(
  unwrapData,
  reportObjectSchema.transform(
    (object): SekoiaReport => ({
      uuid: uuidOf(object),
      stixId: object.id ?? undefined,
      name: object.name,
      description: object.description ?? undefined,
      confidence: object.confidence ?? undefined,
      ...readReportFields(object),
    }),
  ),
);
