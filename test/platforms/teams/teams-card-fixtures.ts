import type { CardActionKey } from '../../../src/actions/action-table.ts';

export const HOSTILE =
  '@all [x](http://evil) <b> <at>x</at> &lt;at&gt; ![i](http://evil/i.png) <http://evil>';
export const LINK = 'https://app.sekoia.io/operations/alerts/ALT-4821';

export { alertCard } from '../../fixtures/alert-card.ts';

/** Data shaped like a SignedGrant at its largest (channel and message ids of 512 characters). */
export function grantData(key: CardActionKey): Record<string, unknown> {
  return {
    v: 1,
    a: key,
    al: '0f6c2a8e-7d1b-4b7e-9a53-3c1f8d2e6b90',
    pf: 'teams',
    ch: 'c'.repeat(512),
    m: 'm'.repeat(512),
    r: 'r7k2',
    exp: 1_790_000_000,
    s: 's'.repeat(43),
  };
}

/** Every string in a JSON value, with its path. */
export function strings(value: unknown, path = '$'): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => strings(item, `${path}[${index}]`));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, item]) => strings(item, `${path}.${key}`));
  return [];
}

/** Before a character: the start, or a non-backslash then pairs of backslashes (each an escaped `\`). */
const UNESCAPED = String.raw`(?:^|[^\\])(?:\\\\)*`;

/**
 * What could still render live in Teams markdown, by name. A markdown link or image needs an
 * unescaped `[` and `]`, so `(`, `)` and `!` are only text; a table is not rendered at all. `<`, `&`
 * and `@` need a WORD JOINER right after them, a scheme's `:` and the `.` of `www.` one right before.
 */
export const LIVE_MARKUP: readonly (readonly [string, RegExp])[] = [
  ['a mention', /@(?!\u2060)/],
  ['a link or image text', new RegExp(`${UNESCAPED}\\[`)],
  ['a link destination', new RegExp(`${UNESCAPED}\\]\\(`)],
  ['a tag or autolink', /<(?!\u2060)/],
  ['an entity', /&(?!\u2060)/],
  ['a URL scheme', /[\p{L}\p{N}]:\/\//u],
  ['a www URL', /(^|[^\p{L}\p{N}])www\./iu],
  ['code', new RegExp(`${UNESCAPED}\``)],
];

/** The names of `LIVE_MARKUP` found in one string of markdown. */
export function liveMarkup(text: string, except: readonly string[] = []): string[] {
  return LIVE_MARKUP.filter(([name, pattern]) => !except.includes(name) && pattern.test(text)).map(
    ([name]) => name,
  );
}
