import { describe, expect, it } from 'vitest';
import { renderFirstRunPage } from '../../src/server/render-first-run-page.ts';

const HOSTILE = `https://x.example/"><script>alert(1)</script><img src=x onerror='y'>`;

describe('renderFirstRunPage', () => {
  const page = renderFirstRunPage({
    webhookUrl: `${HOSTILE}/hooks/sekoia/secret`,
    masked: false,
    platforms: [
      {
        name: 'Chat <b>',
        on: false,
        offReason: 'A & B are not set',
        steps: [`Go to ${HOSTILE}`],
        guide: 'g/<x>.md',
      },
      { name: 'Other', on: true, steps: ['One step'], guide: 'other/README.md' },
    ],
  });

  it('escapes every value, a hostile PUBLIC_URL included', () => {
    expect(page).not.toContain('<script>');
    expect(page).not.toContain('<img');
    expect(page).not.toContain('<b>');
    expect(page).toContain('https://x.example/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('Chat &lt;b&gt;');
    expect(page).toContain('A &amp; B are not set');
    expect(page).toContain('g/&lt;x&gt;.md');
  });

  it('says which platforms are on, and why one is off', () => {
    expect(page).toContain('<h2>Chat &lt;b&gt;: <span class="off">off</span>: A &amp; B are not set</h2>');
    expect(page).toContain('<h2>Other: <span class="on">on</span></h2>');
    expect(page).toContain('<li>One step</li>');
  });

  it('links the health routes and loads nothing from elsewhere', () => {
    for (const path of ['/healthz', '/readyz', '/metrics']) expect(page).toContain(`<a href="${path}">`);
    const plain = renderFirstRunPage({
      webhookUrl: 'https://bot/hooks/sekoia/s',
      masked: false,
      platforms: [],
    });
    expect(plain).not.toMatch(/<script|<link|<img|src=|https?:\/\/(?!bot\/)/);
  });

  it('says how to see a masked secret', () => {
    const masked = renderFirstRunPage({ webhookUrl: 'u', masked: true, platforms: [] });
    expect(masked).toContain('The secret is hidden here');
    expect(page).not.toContain('The secret is hidden here');
  });
});
