import type { Config } from '../../config/load-config.ts';
import { isBotError } from '../../errors.ts';
import { parseStoreUrl } from '../../storage/parse-store-url.ts';

/** The store a check could not read its rules from, password masked, and why (an error code, never a message). */
export function describeRuleStore(config: Readonly<Config>, error: unknown): string {
  let store: string;
  try {
    store = parseStoreUrl(config.STORE_URL).safeUrl;
  } catch (parseError) {
    // The URL was refused at start already; its scheme alone names it without any secret.
    store = `${config.STORE_URL.split(':')[0] ?? 'the'} store (${isBotError(parseError) ? parseError.code : 'unreadable URL'})`;
  }
  return `${store}: ${isBotError(error) ? error.code : error instanceof Error ? error.name : 'error'}`;
}
