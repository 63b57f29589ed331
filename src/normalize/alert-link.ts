/** "Open in Sekoia.io" (reference §8): the current path form, keyed by short id when known. */
export function alertLink(appUrl: string, idOrShortId: string): string {
  return `${appUrl.replace(/\/+$/, '')}/operations/alerts/${encodeURIComponent(idOrShortId)}`;
}
