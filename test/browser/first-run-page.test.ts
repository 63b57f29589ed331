import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, TEST_WEBHOOK_SECRET, type TestBot } from '../integration/start-bot.ts';
import { findBrowser } from './find-browser.ts';

const browserPath = findBrowser();
if (browserPath === undefined) {
  // .ci/run installs Debian's chromium; elsewhere: `apt install chromium`, or CHROME_PATH=<binary>.
  console.warn('first-run page browser test skipped: no Chromium or Chrome found (apt install chromium)');
}

/** The first-run page as a person sees it: in a real headless browser, its CSP enforced. */
describe.skipIf(browserPath === undefined)('the first-run page in a real browser', () => {
  let bot: TestBot;
  let browser: Browser;
  const blocked: string[] = [];

  beforeAll(async () => {
    bot = await startBot({ env: { PUBLIC_URL: 'https://chatops.example.com' } });
    browser = await puppeteer.launch({
      executablePath: browserPath ?? '',
      headless: true,
      // Root in CI has no user namespaces for the sandbox; the page is our own, on loopback.
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
  });

  it('shows what to do next: the WebHook URL, the platforms and their steps, working links', async () => {
    const page = await browser.newPage();
    page.on('console', (message) => blocked.push(message.text()));
    page.on('requestfailed', (request) => blocked.push(`failed: ${request.url()}`));
    const response = await page.goto(`${bot.url}/`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(await page.title()).toBe('sekoia-chatops');
    // Expressions run in the page (this project's TypeScript has no DOM types).
    const text = String(await page.evaluate('document.body.innerText'));
    expect(text).toContain('sekoia-chatops is running');
    // From the bot's host the secret is shown whole, as text a person can copy.
    expect(text).toContain(`https://chatops.example.com/hooks/sekoia/${TEST_WEBHOOK_SECRET}`);
    expect(text).toMatch(/Mattermost: off: MATTERMOST_URL and MATTERMOST_BOT_TOKEN are not set/);
    expect(text).toMatch(/Microsoft Teams: on/);
    // The inline style applies under the page's CSP (style-src 'unsafe-inline'): the "off" badge is coloured.
    const offColour = String(await page.evaluate("getComputedStyle(document.querySelector('.off')).color"));
    expect(offColour).not.toBe('rgb(0, 0, 0)');
    // Nothing the page loads or runs is blocked (no CSP violation, no failed request).
    expect(blocked).toEqual([]);
    // The health link leads to the live probe.
    await Promise.all([page.waitForNavigation(), page.click('a[href="/healthz"]')]);
    expect(page.url()).toBe(`${bot.url}/healthz`);
    await page.close();
  }, 60_000);
});
