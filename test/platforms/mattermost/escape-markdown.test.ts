import { describe, expect, it } from 'vitest';
import {
  escapeBlock,
  escapeCodeLine,
  escapeInline,
  escapeMarkdown,
  markdownLink,
  plainText,
  safeHttpUrl,
  truncate,
} from '../../../src/platforms/mattermost/escape-markdown.ts';
import { UNITS_PER_RUNE } from '../../../src/platforms/shared/cut-input.ts';
import { toOneLine } from '../../../src/platforms/shared/to-one-line.ts';

/** WORD JOINER, written out so that the expected strings show where it goes. */
const J = '\u2060';
const raw = String.raw;

/** Markdown punctuation that must never reach the renderer unescaped. */
const ACTIVE = new Set([
  '\\',
  '`',
  '*',
  '_',
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  '#',
  '+',
  '-',
  '.',
  '!',
  '|',
  '<',
  '>',
  '~',
  '&',
]);

/** True when every active character is backslash-escaped and no mention, channel link or scheme can fire. */
function isInert(out: string): boolean {
  const runes = Array.from(out);
  for (let i = 0; i < runes.length; i += 1) {
    const rune = runes[i] ?? '';
    if (rune === '\\') {
      if (!ACTIVE.has(runes[i + 1] ?? '') && runes[i + 1] !== '$' && runes[i + 1] !== '=') return false;
      i += 1;
    } else if (ACTIVE.has(rune)) return false;
  }
  return (
    !/[@~#][^\u2060]/u.test(out.replaceAll('\\', '')) && !/[\p{L}\p{N}]:[^ ]/u.test(out) && !/\n/.test(out)
  );
}

describe('escapeInline', () => {
  it.each([
    ['the hostile title', '@all [x](http://evil) <b>', raw`@${J}all \[x\]\(http${J}://evil\) \<b\>`],
    ['@channel', 'ping @channel now', `ping @${J}channel now`],
    ['@here', '@here', `@${J}here`],
    ['a user mention', 'cc @alice.smith', raw`cc @${J}alice\.smith`],
    ['an image', '![img](http://x/y.png)', raw`\!\[img\]\(http${J}://x/y\.png\)`],
    ['an autolink', '<http://evil>', raw`\<http${J}://evil\>`],
    ['a bare URL', 'see http://evil.com', raw`see http${J}://evil\.com`],
    ['a www URL', 'www.evil.com', raw`www\.evil\.com`],
    ['a mailto link', 'mailto:a@b.c', raw`mailto${J}:a@${J}b\.c`],
    ['code', 'run `rm -rf /` or ```x```', raw`run \`rm \-rf /\` or \`\`\`x\`\`\``],
    ['a channel link', '~town-square', raw`\~${J}town\-square`],
    ['a heading', '# x', raw`\#${J} x`],
    ['a quote', '> quote', raw`\> quote`],
    ['a table', '| a | b |', raw`\| a \| b \|`],
    ['emphasis and strikethrough', '*b* _i_ ~~s~~', raw`\*b\* \_i\_ \~${J}\~${J}s\~${J}\~${J}`],
    ['HTML and entities', '<b>bold</b> &amp;', raw`\<b\>bold\</b\> \&amp;`],
    ['a Slack announcement', '<!channel>', raw`\<\!channel\>`],
    ['an ordered list', '1. one', raw`1\. one`],
    ['a bullet', '- item + more', raw`\- item \+ more`],
    ['a trailing backslash', 'a\\', raw`a\\`],
    ['a colon in prose, and a time', 'Status: at 10:12 :bomb:x', `Status: at 10${J}:12 :bomb${J}:x`],
    ['LaTeX', '$x^2$', raw`\$x^2\$`],
    ['control characters', 'a\u0000b\u001bc\u007fd\u0085e\u202ef', 'abcdef'],
    ['line breaks and tabs', ' one\n\ntwo\r\n\tthree ', 'one two three'],
    ['plain text', 'Suspicious PowerShell on WS-114', raw`Suspicious PowerShell on WS\-114`],
  ])('makes %s inert', (_name, input, expected) => {
    const out = escapeInline(input);
    expect(out).toBe(expected);
    expect(isInert(out)).toBe(true);
  });

  it('bounds the length in runes, with an ellipsis', () => {
    expect(escapeInline('x'.repeat(1_000_000), 10)).toBe('xxxxxxxxx…');
    expect(escapeInline('😀'.repeat(20), 5)).toBe('😀😀😀😀…');
    expect(Array.from(escapeInline('y'.repeat(600))).length).toBe(500);
  });

  it('keeps random hostile text inert', () => {
    const pieces = [
      '@all',
      '[',
      '](http://e)',
      '<b>',
      '`',
      '\n',
      '~c',
      '#',
      '\\',
      'www.',
      ':',
      'é',
      '😀',
      '\u0000',
      ' ',
      '|',
    ];
    let seed = 7;
    for (let round = 0; round < 500; round += 1) {
      let input = '';
      for (let i = 0; i < 12; i += 1) {
        seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
        input += pieces[seed % pieces.length];
      }
      expect(isInert(escapeInline(input)), JSON.stringify(input)).toBe(true);
    }
  });

  it('is escapeMarkdown with a bound', () => {
    expect(escapeMarkdown('@here '.repeat(200))).toBe(`@${J}here `.repeat(200).trim());
  });
});

describe('truncate', () => {
  it.each([
    ['short', 'abc', 5, 'abc'],
    ['exact', 'abcde', 5, 'abcde'],
    ['long', 'abcdef', 5, 'abcd…'],
    ['astral', '𝔸𝔹ℂ𝔻𝔼𝔽', 4, '𝔸𝔹ℂ…'],
  ])('%s', (_name, input, max, expected) => {
    expect(truncate(input, max)).toBe(expected);
  });
});

describe('escapeBlock', () => {
  it('keeps line breaks but no indentation, and at most one blank line', () => {
    expect(escapeBlock('# t\n\n\n\n    code\n> q\r\nlast  line  ')).toBe(
      `\\#${J} t\n\ncode\n\\> q\nlast line`,
    );
  });

  it('bounds the length', () => {
    expect(escapeBlock('a\n'.repeat(10_000), 7)).toBe('a\na\na\n…');
  });

  it('keeps the lines that joining, collapsing and trimming the whole text keeps', () => {
    const pieces = ['a', 'b  c', ' ', '\t', '\n', '\r\n', '\n\n\n', '\u2028', '\u0000', '@x'];
    let seed = 11;
    let compared = 0;
    for (let round = 0; round < 300; round += 1) {
      let text = '';
      for (let i = 0; i < 1 + (round % 30); i += 1) {
        seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
        text += pieces[seed % pieces.length];
      }
      const max = [3, 10, 50, 1_000][round % 4] ?? 10;
      // Longer texts are read in part only: see test/platforms/shared/escape-cost.test.ts.
      if (text.length > UNITS_PER_RUNE * (max + 1)) continue;
      compared += 1;
      const whole = text
        .split(/\r\n?|[\n\u0085\u2028\u2029]/)
        .map((line) => toOneLine(line))
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim();
      // Escaping an already normal block without a bound changes nothing but the escapes.
      const expected = escapeBlock(truncate(whole, max), Number.POSITIVE_INFINITY);
      expect(escapeBlock(text, max), JSON.stringify({ text, max })).toBe(expected);
    }
    expect(compared).toBeGreaterThan(200);
  });
});

describe('plainText', () => {
  it('breaks mentions, links and tags with invisible joiners only', () => {
    expect(plainText('@all [x](http://evil) <b>\n~town')).toBe(
      `@${J}all [x]${J}(http${J}://evil) <${J}b> ~${J}town`,
    );
    expect(plainText('Suspicious PowerShell on WS-114')).toBe('Suspicious PowerShell on WS-114');
  });
});

describe('escapeCodeLine', () => {
  it('keeps the text but no run of three backticks and no mention', () => {
    expect(escapeCodeLine('mute r7k2 2h ``` @all rule~x')).toBe(
      `mute r7k2 2h \`${J}\`${J}\` @${J}all rule~x`,
    );
  });
});

describe('links', () => {
  it.each([
    ['https://app.sekoia.io/operations/alerts/ALT-1', 'https://app.sekoia.io/operations/alerts/ALT-1'],
    ['https://a.example/x (y)@z', 'https://a.example/x%20%28y%29%40z'],
    ['http://a.example/', 'http://a.example/'],
    ['javascript:alert(1)', undefined],
    ['ftp://a.example/', undefined],
    ['https://user:pw@a.example/', undefined],
    ['not a url', undefined],
  ])('safeHttpUrl(%s)', (input, expected) => {
    expect(safeHttpUrl(input)).toBe(expected);
  });

  it('builds a markdown link only to http(s)', () => {
    expect(markdownLink('Open [it]', 'https://a.example/(x)')).toBe(
      raw`[Open \[it\]](https://a.example/%28x%29)`,
    );
    expect(markdownLink('Open', 'javascript:alert(1)')).toBe('Open');
  });
});
