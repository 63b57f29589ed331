import type { SekoiaQuery } from './build-sekoia-url.ts';
import { invalidInput, LIST_MAX_LIMIT, pageQuery } from './validate-page-input.ts';

/**
 * `match[<field>]` filters of `GET /v1/sic/alerts` the bot pushes to Sekoia.io (reference §5.3): the
 * values of one field are OR-ed, different fields AND-ed. Others exist; add them here when needed.
 */
export const ALERT_MATCH_FIELDS = [
  'uuid',
  'short_id',
  'status_name',
  'status_uuid',
  'entity_name',
  'entity_uuid',
  'rule_name',
  'rule_uuid',
  'community_uuid',
  'asset_uuid',
  'type_category',
  'type_value',
] as const;
export type AlertMatchField = (typeof ALERT_MATCH_FIELDS)[number];

/** Epoch ms, both ends included; an open end is left to Sekoia.io (`now`, or the beginning). */
export interface TimeSpan {
  from?: number;
  to?: number;
}

export interface ListAlertsInput {
  /** 1–100 (reference §5.3: an integration documents 1–100). */
  limit: number;
  offset?: number;
  match?: Partial<Record<AlertMatchField, readonly string[]>>;
  created?: TimeSpan;
  updated?: TimeSpan;
  /** `range[urgency]=min,max`, 0–100. */
  urgency?: { min: number; max: number };
  sort?: 'created_at' | 'updated_at';
  direction?: 'asc' | 'desc';
}

/**
 * The query of one page. A value that the comma-separated form cannot carry (a comma in it, or an
 * empty list, which would match nothing) is refused before sending: the caller keeps that condition
 * for its own matcher instead.
 */
export function listAlertsQuery(input: ListAlertsInput): SekoiaQuery {
  const query: Record<string, string | number | boolean | undefined> = {
    ...pageQuery(input, LIST_MAX_LIMIT),
  };
  for (const [field, values] of Object.entries(input.match ?? {})) {
    if (!(ALERT_MATCH_FIELDS as readonly string[]).includes(field) || values === undefined) continue;
    if (values.length === 0 || values.some((value) => value === '' || value.includes(','))) {
      throw invalidInput({ match: field });
    }
    query[`match[${field}]`] = values.join(',');
  }
  const spans = { created_at: input.created, updated_at: input.updated };
  for (const [field, span] of Object.entries(spans)) {
    if (span === undefined) continue;
    query[`date[${field}]`] =
      `${instant(span.from, field)},${span.to === undefined ? 'now' : instant(span.to, field)}`;
  }
  if (input.urgency !== undefined) {
    const { min, max } = input.urgency;
    if (!isUrgency(min) || !isUrgency(max) || min > max) throw invalidInput({ urgency: `${min},${max}` });
    query['range[urgency]'] = `${min},${max}`;
  }
  if (input.sort !== undefined) query.sort = input.sort;
  if (input.direction !== undefined) query.direction = input.direction;
  return query;
}

function instant(ms: number | undefined, field: string): string {
  // The beginning of time as Sekoia.io reads dates: an ISO-8601 instant (reference §5.3).
  const value = ms ?? 0;
  if (!Number.isFinite(value) || value < 0) throw invalidInput({ [field]: String(ms) });
  return new Date(value).toISOString();
}

function isUrgency(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= 100;
}
