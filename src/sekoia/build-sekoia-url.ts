export type SekoiaQuery = Readonly<Record<string, string | number | boolean | undefined>>;

/**
 * Joins the configured API prefix (`https://api.sekoia.io`, `https://app.fra2.sekoia.io/api`, …) and an
 * API path such as `/v1/sic/alerts/ALq8Rt2vXk3m`; see reference §1 for why the base is a full prefix.
 * Path segments must already be encoded (see `sekoiaPath`).
 */
export function buildSekoiaUrl(base: string, path: string, query: SekoiaQuery = {}): string {
  const prefix = base.replace(/\/+$/, '');
  const suffix = path.startsWith('/') ? path : `/${path}`;
  const url = new URL(`${prefix}${suffix}`);
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  return url.toString();
}

/** Builds `/v1/a/b/<segment>` with every segment percent-encoded, so an id can never add a path level. */
export function sekoiaPath(...segments: readonly string[]): string {
  return `/${segments.map((segment) => encodeURIComponent(segment)).join('/')}`;
}
