import { resolve } from 'node:path';
import { BotError } from '../errors.ts';
import { SQLITE_MEMORY } from '../sqlite/open-sqlite.ts';

export type StoreKind = 'sqlite' | 'redis' | 'postgres';

export type StoreLocation =
  | { kind: 'sqlite'; path: string; safeUrl: string }
  | { kind: 'redis' | 'postgres'; url: string; safeUrl: string };

const NETWORK_SCHEMES: Readonly<Record<string, 'redis' | 'postgres'>> = {
  'redis:': 'redis',
  'rediss:': 'redis',
  'postgres:': 'postgres',
  'postgresql:': 'postgres',
};

/** The URL with its password masked, fit for a log line. */
export function redactUrl(url: URL): string {
  const copy = new URL(url.href);
  if (copy.password !== '') copy.password = '***';
  return copy.href;
}

function unsupported(message: string, details: Record<string, unknown> = {}): BotError {
  return new BotError('store_url_unsupported', { message, details });
}

/**
 * Reads STORE_URL. `sqlite://` is followed by a file path (relative to `cwd` unless it starts
 * with `/`) or `:memory:`; redis(s):// and postgres(ql):// URLs are handed to their drivers.
 */
export function parseStoreUrl(raw: string, cwd: string = process.cwd()): StoreLocation {
  const text = raw.trim();
  if (text.toLowerCase().startsWith('sqlite:')) return parseSqlite(text, cwd);
  let url: URL;
  try {
    url = new URL(text);
  } catch (cause) {
    // The text may hold a password: it is neither logged nor kept in the error.
    throw new BotError('store_url_unsupported', { message: 'STORE_URL is not a valid URL', cause });
  }
  const kind = NETWORK_SCHEMES[url.protocol];
  if (kind === undefined) {
    throw unsupported('STORE_URL scheme must be sqlite, redis, rediss, postgres or postgresql', {
      scheme: url.protocol.slice(0, 20),
    });
  }
  if (url.hostname === '') throw unsupported('STORE_URL has no host', { safeUrl: redactUrl(url) });
  return { kind, url: url.href, safeUrl: redactUrl(url) };
}

function parseSqlite(text: string, cwd: string): StoreLocation {
  if (!/^sqlite:\/\//i.test(text)) throw unsupported('a sqlite STORE_URL starts with sqlite://');
  const rest = text.slice('sqlite://'.length);
  if (rest === '' || /[?#]/.test(rest) || rest.includes('\0')) {
    throw unsupported('a sqlite STORE_URL needs a file path or :memory:', { safeUrl: text.slice(0, 200) });
  }
  const path = rest === SQLITE_MEMORY ? SQLITE_MEMORY : resolve(cwd, rest);
  return { kind: 'sqlite', path, safeUrl: text };
}
