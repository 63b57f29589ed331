import { isBotError } from '../errors.ts';
import type { StoredEvent } from '../ingress/stored-event.ts';
import type { Logger } from '../log.ts';
import { eventRef } from '../normalize/normalize-alert.ts';
import { type IntakeSilence, normalizeIntakeSilence } from '../normalize/normalize-intake-silence.ts';
import { normalizeOther } from '../normalize/normalize-other.ts';
import { normalizePlaybookError } from '../normalize/normalize-playbook-error.ts';
import { normalizeReport, type ReportFields } from '../normalize/normalize-report.ts';
import { type CatalogRuleFields, normalizeRuleAdded } from '../normalize/normalize-rule-added.ts';
import type { Notification } from '../normalize/notification.ts';
import { type IntakeInactivity, readIntakeInactivity } from '../normalize/read-intake-inactivity.ts';
import type { Job } from '../queue/job-queue.ts';

export interface NonAlertOptions {
  appUrl: string;
  /** Attempts at reading the API before the card is posted from the WebHook alone. */
  enrichAttempts: number;
  /** Reads a report through the Intelligence API. */
  reports?: { read(uuid: string): Promise<ReportFields> };
  /** Reads a Rules Catalog rule. */
  catalogRules?: { read(uuid: string): Promise<CatalogRuleFields> };
  /** Turns Sekoia.io's "no events" WebHook into the silence the intake-silence poll reports. */
  intakeSilences?: { open(inactivity: IntakeInactivity): Promise<IntakeSilence> };
}

/**
 * Every stored WebHook that is not a created / updated alert: reports are read through the
 * Intelligence API (the WebHook says little), the rest from the WebHook; unknown types are kept as
 * "other". Throws (for the queue to retry) only while an API read may still heal.
 */
export function createNonAlertNormalizer(
  options: NonAlertOptions,
): (stored: StoredEvent, job: Job, log: Logger) => Promise<Notification> {
  return async (stored: StoredEvent, job: Job, log: Logger): Promise<Notification> => {
    const { type, attributes } = stored.event;
    const event = eventRef(stored, job.id);
    if (PLAYBOOK_TYPES.has(type))
      return normalizePlaybookError({ event, attributes, appUrl: options.appUrl });
    if (CATALOG_TYPES.has(type) && typeof attributes.uuid === 'string' && options.catalogRules) {
      // The same path as the catalog poll: its card subject is the rule, so a later poll edits, never reposts.
      const rule = await options.catalogRules.read(attributes.uuid);
      return normalizeRuleAdded({ event, rule, appUrl: options.appUrl });
    }
    const inactivity = readIntakeInactivity(event, attributes);
    if (inactivity !== undefined && options.intakeSilences) {
      // The same silence, hence the same card, as the poll's (a later poll edits it, never reposts).
      const silence = await options.intakeSilences.open(inactivity);
      return normalizeIntakeSilence({ event, silence, appUrl: options.appUrl });
    }
    if (type !== 'content-proposal' || typeof attributes.uuid !== 'string')
      return normalizeOther(stored, job.id);
    const uuid = attributes.uuid;
    let report: ReportFields | undefined;
    try {
      report = await options.reports?.read(uuid);
    } catch (error) {
      const retryable = !isBotError(error) || error.retryable;
      if (retryable && job.attempts < options.enrichAttempts) throw error;
      log.warn(
        { err: errorCode(error), reportUuid: uuid },
        'report could not be read; posting from the WebHook',
      );
    }
    return normalizeReport({
      event,
      report: report ?? reportFromWebhook(uuid, attributes),
      appUrl: options.appUrl,
    });
  };
}

/** WebHook types of a playbook error (the payload is undocumented: reference sekoia-api §10.3). */
/** WebHook types of a rule added to the catalog (undocumented: reference sekoia-api §10.1). */
const CATALOG_TYPES: ReadonlySet<string> = new Set(['rule', 'rules-catalog', 'catalog-rule']);

const PLAYBOOK_TYPES: ReadonlySet<string> = new Set([
  'playbook',
  'playbook-error',
  'playbook_run',
  'playbook-run',
]);

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

function errorCode(error: unknown): string {
  return isBotError(error) ? error.code : 'unexpected_error';
}
