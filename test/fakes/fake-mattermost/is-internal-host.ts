import { isIP } from 'node:net';

const PRIVATE_V4 = [/^0\./, /^10\./, /^127\./, /^169\.254\./, /^172\.(1[6-9]|2\d|3[01])\./, /^192\.168\./];

/**
 * The untrusted HTTP client refuses these targets unless allowed (reference §4.6). Only literal
 * addresses and `localhost` are judged here: the fake does not resolve names.
 */
export function isInternalHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return PRIVATE_V4.some((pattern) => pattern.test(host));
  if (isIP(host) === 6)
    return host === '::' || host === '::1' || /^f[cd]/.test(host) || /^fe[89ab]/.test(host);
  return false;
}

export const ADDRESS_FORBIDDEN =
  'address forbidden, you may need to set AllowedUntrustedInternalConnections to allow an integration access to your internal network';
