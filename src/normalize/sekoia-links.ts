/**
 * Web app pages the compact cards link to. Reference sekoia-api §8 documents the alert page and the
 * intakes and playbooks lists; the report and rules-catalog paths are not published — these are the
 * safest guesses, kept here so that they are easy to change.
 */
const base = (appUrl: string) => appUrl.replace(/\/+$/, '');

export const reportLink = (appUrl: string, uuid: string) =>
  `${base(appUrl)}/intelligence/reports/${encodeURIComponent(uuid)}`;
export const catalogRuleLink = (appUrl: string, uuid: string) =>
  `${base(appUrl)}/operations/rules-catalog/${encodeURIComponent(uuid)}`;
export const intakesLink = (appUrl: string) => `${base(appUrl)}/operations/intakes`;
export const playbooksLink = (appUrl: string) => `${base(appUrl)}/operations/playbooks`;
