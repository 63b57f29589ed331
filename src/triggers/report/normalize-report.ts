import type { EventRef } from '../../normalize/notification.ts';
import { reportLink } from '../../normalize/sekoia-links.ts';
import type { TriggerNotification } from '../trigger-notification.ts';
import type { ReportFacts } from './report-trigger.ts';

/** What the bot knows of a report (from the Intelligence API, or the WebHook alone). */
export interface ReportFields {
  uuid: string;
  /** The STIX id (`report--<uuid>`) read from the API, for the link; the WebHook alone has none. */
  stixId?: string | undefined;
  name: string | undefined;
  description: string | undefined;
  threats: readonly string[];
  sectors: readonly string[];
  countries: readonly string[];
  /** `white`/`clear`, `green`, `amber`, `amber+strict`, `red` (TLP 1.0 or 2.0), undefined when not known. */
  tlp: string | undefined;
  confidence: number | undefined;
  flint: boolean | undefined;
}

const TONE: Readonly<Record<string, 'danger' | 'warning' | 'good'>> = {
  red: 'danger',
  'amber+strict': 'warning',
  amber: 'warning',
  green: 'good',
};

/** A report → its compact card and the facts `report` rules look at. A missing TLP stays missing. */
export function normalizeReport(input: {
  event: EventRef;
  report: ReportFields;
  appUrl: string;
}): TriggerNotification<ReportFacts> {
  const { report } = input;
  const list = (values: readonly string[]) => (values.length > 0 ? values.join(', ') : undefined);
  const facts = [
    ['Threat', list(report.threats)],
    ['Sector', list(report.sectors)],
    ['Country', list(report.countries)],
    ['Confidence', report.confidence === undefined ? undefined : String(report.confidence)],
    ['FLINT', report.flint ? 'yes' : undefined],
  ] as const;
  return {
    kind: 'trigger',
    trigger: 'report',
    event: input.event,
    subject: `report:${report.uuid}`,
    facts: {
      trigger: 'report',
      name: report.name === undefined ? [] : [report.name],
      description: report.description === undefined ? [] : [report.description],
      threat: report.threats,
      sector: report.sectors,
      country: report.countries,
      tlp: report.tlp,
      confidence: report.confidence,
      flint: report.flint,
    },
    summary: {
      title: report.name ?? 'New report',
      link: reportLink(input.appUrl, report.uuid, report.stixId),
      linkLabel: 'Open the report in Sekoia.io',
      tone: (report.tlp !== undefined && Object.hasOwn(TONE, report.tlp) && TONE[report.tlp]) || 'info',
      badge: report.tlp === undefined ? 'TLP unknown' : `TLP:${report.tlp.toUpperCase()}`,
      facts: facts
        .filter((fact) => fact[1] !== undefined)
        .map(([title, value]) => ({ title, value: value ?? '' })),
      text: report.description,
    },
  };
}
