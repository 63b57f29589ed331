/**
 * `url` if it is http(s) without credentials and at most 2000 characters long, with whitespace and
 * the characters in `encode` (those the caller's markup would misread in a link) percent-encoded;
 * otherwise undefined.
 */
export function sanitizeHttpUrl(url: string, encode: string): string | undefined {
  if (url.length > 2000 || !URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  if (parsed.username !== '' || parsed.password !== '') return undefined;
  let out = '';
  // The serialized URL is ASCII, so a character is one UTF-16 unit.
  for (const c of parsed.href) out += /^\s$/.test(c) || encode.includes(c) ? percentEncode(c) : c;
  return out;
}

function percentEncode(c: string): string {
  return `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
}
