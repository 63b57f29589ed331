import { accessSync, constants } from 'node:fs';

/** Where Debian (`apt install chromium`) and other Linux distributions put a Chromium or Chrome. */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/**
 * The browser the real-browser tests drive (puppeteer-core brings none): `CHROME_PATH` when set,
 * else the first one installed. `.ci/run` installs Debian's chromium when it is missing.
 */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const given = env.CHROME_PATH;
  for (const path of given ? [given] : CANDIDATES) {
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // not this one
    }
  }
  return undefined;
}
