/**
 * Where the `report` trigger's fields are read from in a report or content proposal. Sekoia.io does not
 * publish these fields for the API (reference §10.2, and §13: "STIX 2 report conventions; read
 * defensively"), so every source below is an assumption, tried in order. This file is the one place to
 * correct once real payloads are captured; nothing here throws, an unreadable value is just absent.
 *
 * - TLP (1.0 and 2.0): see read-report-tlp.ts, where the STIX marking ids are mapped.
 * - FLINT: `x_ic_is_in_flint` (seen on Sekoia intelligence objects), `x_inthreat_flint`, `flint`; a
 *   "flint" label, report type or tag; or an external reference named "FLINT …" (Sekoia's style).
 * - threats, sectors, countries: direct lists (`threats`, `sectors`, `countries`, their `x_inthreat_`
 *   forms, single `sector`/`country`), then embedded STIX objects (`objects` or `bundle.objects`):
 *   names of intrusion sets, threat actors, malware and campaigns; `sectors` of identities and the names
 *   of `identity_class: class` identities; location names, else their `country` code.
 * - link: `x_inthreat_url`, `url`, else an external reference on a sekoia.io host. Otherwise none: the
 *   card can build `<app>/intelligence/objects/<STIX id>` from `stixId`.
 */
import { type ReportTlp, readReportTlp } from './read-report-tlp.ts';

export type { ReportTlp } from './read-report-tlp.ts';

export interface ReportFields {
  threats: string[];
  sectors: string[];
  countries: string[];
  tlp: ReportTlp | undefined;
  flint: boolean;
  link: string | undefined;
}

type Fields = Record<string, unknown>;

const THREAT_TYPES = new Set(['intrusion-set', 'threat-actor', 'malware', 'campaign']);

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** Strings, or the `name` of objects. */
function names(value: unknown): string[] {
  return asList(value)
    .map((entry) => (isFields(entry) ? entry.name : entry))
    .filter((entry): entry is string => typeof entry === 'string' && entry.trim() !== '')
    .map((entry) => entry.trim());
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function readFlint(report: Fields): boolean {
  if ([report.x_ic_is_in_flint, report.x_inthreat_flint, report.flint].includes(true)) return true;
  const words = names([report.labels, report.report_types, report.x_inthreat_tags].flat());
  if (words.some((word) => word.toLowerCase() === 'flint')) return true;
  const sources = asList(report.external_references).map((ref) => (isFields(ref) ? ref.source_name : ''));
  return sources.some((source) => typeof source === 'string' && /^FLINT\b/.test(source));
}

function embeddedObjects(report: Fields): Fields[] {
  const bundle = isFields(report.bundle) ? report.bundle.objects : undefined;
  return [...asList(report.objects), ...asList(bundle)].filter(isFields);
}

function readLink(report: Fields): string | undefined {
  const direct = [report.x_inthreat_url, report.url].find(isHttpUrl);
  if (direct !== undefined) return direct;
  const urls = asList(report.external_references).map((ref) => (isFields(ref) ? ref.url : undefined));
  return urls.filter(isHttpUrl).find((url) => /^https:\/\/([\w-]+\.)*sekoia\.io\//.test(url));
}

function isHttpUrl(value: unknown): value is string {
  return typeof value === 'string' && /^https?:\/\/\S+$/.test(value);
}

export function readReportFields(report: Fields): ReportFields {
  const objects = embeddedObjects(report);
  const ofType = (type: string) => objects.filter((object) => object.type === type);
  const threats = [
    ...names([report.threats, report.x_inthreat_threats].flat()),
    ...names(objects.filter((object) => THREAT_TYPES.has(String(object.type)))),
  ];
  const identities = ofType('identity');
  const sectors = [
    ...names([report.sectors, report.x_inthreat_sectors, report.sector].flat()),
    ...names(identities.flatMap((identity) => asList(identity.sectors))),
    ...names(identities.filter((identity) => identity.identity_class === 'class')),
  ];
  const countries = [
    ...names([report.countries, report.x_inthreat_countries, report.country].flat()),
    ...names(ofType('location').map((location) => location.name ?? location.country)),
  ];
  return {
    threats: unique(threats),
    sectors: unique(sectors),
    countries: unique(countries),
    tlp: readReportTlp(report),
    flint: readFlint(report),
    link: readLink(report),
  };
}
