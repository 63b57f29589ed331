/**
 * Sekoia.io's regions and their hosts (reference sekoia-api.md §1). The API is served on the app
 * host under `/api` in every region, and on an `api.` host in FRA1, USA1 and SGP1.
 */
export const SEKOIA_REGIONS = [
  { region: 'FRA1', app: 'https://app.sekoia.io', api: 'https://api.sekoia.io' },
  { region: 'FRA2', app: 'https://app.fra2.sekoia.io', api: 'https://app.fra2.sekoia.io/api' },
  { region: 'MCO1', app: 'https://app.mco1.sekoia.io', api: 'https://app.mco1.sekoia.io/api' },
  { region: 'UAE1', app: 'https://app.uae1.sekoia.io', api: 'https://app.uae1.sekoia.io/api' },
  { region: 'USA1', app: 'https://app.usa1.sekoia.io', api: 'https://app.usa1.sekoia.io/api' },
  { region: 'SGP1', app: 'https://app.sgp1.sekoia.io', api: 'https://api.sgp1.sekoia.io' },
] as const;

export type SekoiaRegion = (typeof SEKOIA_REGIONS)[number];

/** FRA1's hosts carry no region label; the others are `app.<region>` or `api.<region>`. */
const HOST = /^(?:app|api)(?:\.([a-z0-9]+))?\.sekoia\.io$/;

export type HostRegion =
  | { kind: 'region'; region: SekoiaRegion }
  /** A sekoia.io host the table does not know (a new region?). */
  | { kind: 'unknown-sekoia'; host: string }
  /** Not Sekoia.io at all: a fake on loopback, a proxy. */
  | { kind: 'other'; host: string };

/** The Sekoia.io region a configured URL (API or app) belongs to, by its host. */
export function regionOfUrl(url: string): HostRegion {
  const host = new URL(url).hostname.toLowerCase();
  const match = HOST.exec(host);
  if (match === null) return { kind: 'other', host };
  const label = (match[1] ?? 'fra1').toUpperCase();
  const region = SEKOIA_REGIONS.find((entry) => entry.region === label);
  return region === undefined ? { kind: 'unknown-sekoia', host } : { kind: 'region', region };
}

/**
 * The API prefix to suggest when SEKOIA_API_URL does not serve the API: an app host without `/api`
 * gets it appended (reference §1, path-prefix rule); otherwise the API of the app URL's region.
 */
export function suggestApiUrl(apiUrl: string, appUrl: string): string | undefined {
  const api = new URL(apiUrl);
  if (
    /^app\./.test(api.hostname) &&
    regionOfUrl(apiUrl).kind === 'region' &&
    !api.pathname.startsWith('/api')
  ) {
    return `${api.origin}/api`;
  }
  const app = regionOfUrl(appUrl);
  return app.kind === 'region' ? app.region.api : undefined;
}
