import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/server/escape-html.ts';

describe('escapeHtml', () => {
  it('escapes the five characters that open markup or end an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    );
  });

  it('leaves other text as it is', () => {
    expect(escapeHtml('https://bot.example.com/hooks/sekoia/••••')).toBe(
      'https://bot.example.com/hooks/sekoia/••••',
    );
  });
});
