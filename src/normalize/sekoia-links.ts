/**
 * Web app pages the compact cards link to, as the Sekoia.io web app itself names them:
 * - an intelligence object (a report is one) is `/intelligence/objects/<STIX id>`: Sekoia's own
 *   Intelligence Center actions and connectors build that link (SEKOIA-IO/automation-library,
 *   Sekoia.io/sekoiaio/intelligence_center/actions.py and CrowdStrikeFalcon `get_reference_url`), and
 *   FLINT reports carry it in their external references;
 * - a Rules Catalog rule opens in the catalog page with `rule-uuid=<uuid>`: the web app's own address
 *   in Sekoia.io's activity logs (SEKOIA-IO/intake-formats,
 *   SekoiaIO/activity_log/tests/activity_log_alert_filter_creation.json, visit.referrer);
 * - the intakes and playbooks lists: reference sekoia-api §8.
 */
const base = (appUrl: string) => appUrl.replace(/\/+$/, '');

const STIX_REPORT_ID = /^report--[0-9a-f-]{36}$/i;

/** `stixId` (`report--<uuid>`) when the report has one, else the STIX id its UUID makes. */
export const reportLink = (appUrl: string, uuid: string, stixId?: string) =>
  `${base(appUrl)}/intelligence/objects/${encodeURIComponent(
    stixId !== undefined && STIX_REPORT_ID.test(stixId) ? stixId : `report--${uuid}`,
  )}`;
export const catalogRuleLink = (appUrl: string, uuid: string) =>
  `${base(appUrl)}/rules-catalog?rule-uuid=${encodeURIComponent(uuid)}`;
export const intakesLink = (appUrl: string) => `${base(appUrl)}/operations/intakes`;
export const playbooksLink = (appUrl: string) => `${base(appUrl)}/operations/playbooks`;
