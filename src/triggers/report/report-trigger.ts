import { isBotError } from '../../errors.ts';
import { type FactsOf, type KeySpecs, PERCENT } from '../key-spec.ts';
import { defineTrigger, type WebhookInput } from '../trigger-definition.ts';
import { normalizeReport, type ReportFields } from './normalize-report.ts';

const REPORT_KEYS = {
  name: { kind: 'text', example: 'name~ransomware' },
  description: { kind: 'text', example: 'description~phishing' },
  threat: { kind: 'text', example: 'threat~lockbit' },
  sector: { kind: 'text', example: 'sector=finance' },
  country: { kind: 'text', example: 'country=france' },
  tlp: { kind: 'tlp', example: 'tlp=amber,red' },
  confidence: { kind: 'number', example: 'confidence>=70', ...PERCENT },
  flint: { kind: 'boolean', example: 'flint=true', single: true },
} as const satisfies KeySpecs;

export type ReportFacts = FactsOf<'report', typeof REPORT_KEYS>;

/** A report published in the Intelligence Center (WebHook `content-proposal`), read through the API. */
export const reportTrigger = defineTrigger({
  name: 'report',
  label: 'Report',
  keys: REPORT_KEYS,
  fromWebhook: async (input) => {
    const { attributes } = input;
    if (input.event.type !== 'content-proposal' || typeof attributes.uuid !== 'string') return undefined;
    const report = await readReport(input, attributes.uuid);
    return normalizeReport({ event: input.event, report, appUrl: input.appUrl });
  },
});

/** The report from the API; from the WebHook alone once the API is not worth waiting for. */
async function readReport(input: WebhookInput, uuid: string): Promise<ReportFields> {
  try {
    const report = await input.ports.reports?.read(uuid);
    if (report !== undefined) return report;
  } catch (error) {
    const retryable = !isBotError(error) || error.retryable;
    if (retryable && input.attempts < input.enrichAttempts) throw error;
    input.log.warn(
      { err: isBotError(error) ? error.code : 'unexpected_error', reportUuid: uuid },
      'report could not be read; posting from the WebHook',
    );
  }
  return reportFromWebhook(uuid, input.attributes);
}

/** All the WebHook says of a report: its id, maybe its name; TLP unknown stays unknown. */
function reportFromWebhook(uuid: string, attributes: Readonly<Record<string, unknown>>): ReportFields {
  const name = typeof attributes.name === 'string' ? attributes.name.slice(0, 500) : undefined;
  return {
    uuid,
    name,
    description: undefined,
    threats: [],
    sectors: [],
    countries: [],
    tlp: undefined,
    confidence: undefined,
    flint: undefined,
  };
}
