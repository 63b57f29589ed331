import { escapeHtml } from './escape-html.ts';

export interface FirstRunPlatform {
  name: string;
  on: boolean;
  /** Why it is off, in the start log's words. */
  offReason?: string | undefined;
  steps: readonly string[];
  guide: string;
}

export interface FirstRunPage {
  /** The WebHook URL to give Sekoia.io, its secret already masked when the reader may not see it. */
  webhookUrl: string;
  masked: boolean;
  platforms: readonly FirstRunPlatform[];
}

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#222}' +
  'code{background:#f2f2f2;padding:.1rem .3rem;border-radius:3px;word-break:break-all}' +
  '.on{color:#176f2c}.off{color:#9a3412}h2{margin-top:2rem;font-size:1.15rem}';

/** `GET /`: what a person who opens the bot's URL in a browser does next. Every value is escaped. */
export function renderFirstRunPage(page: FirstRunPage): string {
  const platforms = page.platforms.map(renderPlatform).join('');
  const hint = page.masked
    ? '<p>The secret is hidden here. Open this page on the bot&#39;s host itself, not through a proxy (http://127.0.0.1:&lt;PORT&gt;/), or read the bot&#39;s start output, to see the whole URL.</p>'
    : '<p>Shown in full because this request comes from the bot&#39;s own host: keep it secret.</p>';
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>sekoia-chatops</title>',
    `<style>${STYLE}</style></head><body>`,
    '<h1>sekoia-chatops is running</h1>',
    '<h2>Sekoia.io WebHook URL</h2>',
    '<p>In Sekoia.io, create a notification rule with a WebHook action to:</p>',
    `<p><code>${escapeHtml(page.webhookUrl)}</code></p>`,
    hint,
    platforms,
    '<h2>Health</h2><ul>',
    '<li><a href="/healthz">/healthz</a>: the process is alive</li>',
    '<li><a href="/readyz">/readyz</a>: the store and the queue answer</li>',
    '<li><a href="/metrics">/metrics</a>: Prometheus metrics</li>',
    '</ul></body></html>',
    '',
  ].join('\n');
}

function renderPlatform(platform: FirstRunPlatform): string {
  const name = escapeHtml(platform.name);
  const state = platform.on
    ? '<span class="on">on</span>'
    : `<span class="off">off</span>${platform.offReason ? `: ${escapeHtml(platform.offReason)}` : ''}`;
  const steps = platform.steps.map((step) => `<li>${escapeHtml(step)}</li>`).join('');
  return (
    `<h2>${name}: ${state}</h2>` +
    `<ol>${steps}</ol>` +
    `<p>The whole set-up: <code>${escapeHtml(platform.guide)}</code> in the bot&#39;s repository.</p>`
  );
}
