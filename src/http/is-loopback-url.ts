/**
 * Whether a URL names this machine: `localhost`, 127.0.0.0/8 or `[::1]`. Read from the URL alone (no
 * DNS): the Teams endpoint's local mode and the doctor's reachability check both ask it.
 */
export function isLoopbackUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}
