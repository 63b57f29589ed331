import { describe, expect, it } from 'vitest';
import {
  escapeBlock,
  escapeInline,
  plainText,
  safeHttpUrl,
  truncate,
} from '../../../src/platforms/teams/escape-teams-markdown.ts';

/** WORD JOINER, written out so that the expected strings show where it goes. */
const J = '\u2060';
const raw = String.raw;

/** Emphasis, code and link punctuation: never reaches Teams unescaped. */
const ALWAYS = new Set(Array.from('\\*_[]`~'));
/** List, heading and quote markers: escaped only where a line starts, as they mean nothing elsewhere. */
const LINE_START = new Set(Array.from('#>-+'));

/**
 * True for one line of output where every emphasis, code and link character is backslash-escaped,
 * so is a list, heading or quote marker at its start, `<`, `&` and `@` are followed by a joiner, and
 * no scheme, `www.`, ordered-list marker or line break is left. A backslash escapes nothing else, so
 * `( ) ! |` and mid-line markers must come through bare (a backslash would show on mobile clients).
 */
function isInert(out: string): boolean {
  const runes = Array.from(out);
  for (let i = 0; i < runes.length; i += 1) {
    const rune = runes[i] ?? '';
    const next = runes[i + 1] ?? '';
    if (rune === '\\') {
      const marker = (i === 0 && LINE_START.has(next)) || (next === '(' && runes[i - 1] === ']');
      const orderedList = next === '.' && /^\d+$/.test(runes.slice(0, i).join(''));
      if (!ALWAYS.has(next) && !marker && !orderedList) return false;
      i += 1;
    } else if (
      ALWAYS.has(rune) ||
      (i === 0 && LINE_START.has(rune)) ||
      (rune === '(' && runes[i - 1] === ']')
    )
      return false;
  }
  return (
    !/[<&@][^\u2060]/u.test(out) &&
    !/[<&@]$/u.test(out) &&
    !/[\p{L}\p{N}]:[^ ]/u.test(out) &&
    !/(^|[^\p{L}\p{N}])www\./iu.test(out) &&
    !/^\d+\.( |$)/.test(out) &&
    !/\n/.test(out)
  );
}

describe('escapeInline', () => {
  it.each([
    ['the hostile title', '@all [x](http://evil) <b>', raw`@${J}all \[x\]\(http${J}://evil) <${J}b>`],
    ['Teams mention markup', '<at>x</at>', `<${J}at>x<${J}/at>`],
    [
      'an entity that would spell a mention',
      '&lt;at&gt;Ana&lt;/at&gt;',
      `&${J}lt;at&${J}gt;Ana&${J}lt;/at&${J}gt;`,
    ],
    ['@channel', 'ping @channel now', `ping @${J}channel now`],
    ['an e-mail address', 'mail ana@corp.example', `mail ana@${J}corp.example`],
    ['an image', '![img](http://x/y.png)', raw`!\[img\]\(http${J}://x/y.png)`],
    ['an autolink', '<http://evil>', `<${J}http${J}://evil>`],
    ['a bare URL', 'see https://evil.com', `see https${J}://evil.com`],
    ['a www URL', 'www.evil.com or WWW.evil.com', `www${J}.evil.com or WWW${J}.evil.com`],
    ['a word ending in www', 'awww.x', 'awww.x'],
    ['a mailto link', 'mailto:a@b.c', `mailto${J}:a@${J}b.c`],
    ['code', 'run `rm -rf /`', raw`run \`rm -rf /\``],
    ['a heading', '# x', raw`\# x`],
    ['a quote', '> quote', raw`\> quote`],
    // Teams renders no tables, so pipes stay as they are and read as text.
    ['a table, shown as text', '| a | b |', '| a | b |'],
    ['emphasis and strikethrough', '*b* _i_ ~~s~~ **x**', raw`\*b\* \_i\_ \~\~s\~\~ \*\*x\*\*`],
    ['HTML', '<b>bold</b>', `<${J}b>bold<${J}/b>`],
    ['an ordered list', '1. one', raw`1\. one`],
    // Only `1.` starts an ordered list in the Adaptive Cards markdown parser; `)` is left bare.
    ['a number then a parenthesis', '10) ten', '10) ten'],
    ['a decimal at the start', '12.5 units', '12.5 units'],
    ['a bullet, and a plus mid-line', '- item + more', raw`\- item + more`],
    ['a trailing backslash', 'a\\', raw`a\\`],
    ['a colon in prose, and a time', 'Status: at 10:12', `Status: at 10${J}:12`],
    ['control and bidi characters', 'a\u0000b\u001bc\u007fd\u0085e\u202ef', 'abcdef'],
    ['line breaks and tabs', ' one\n\ntwo\r\n\tthree ', 'one two three'],
    ['emoji and accents', '🔥 Alerte levée', '🔥 Alerte levée'],
    ['plain text', 'Suspicious PowerShell on WS-114', 'Suspicious PowerShell on WS-114'],
  ])('makes %s inert', (_name, input, expected) => {
    const out = escapeInline(input);
    expect(out).toBe(expected);
    expect(isInert(out)).toBe(true);
  });

  it.each([
    ['a hyphen mid-line', 'host WS-114 is down', 'host WS-114 is down'],
    ['parentheses and a bang', 'a (b) c!', 'a (b) c!'],
    ['markers mid-line', 'a - b + c # d > e', 'a - b + c # d > e'],
  ])('leaves %s without a backslash', (_name, input, expected) => {
    const out = escapeInline(input);
    expect(out).toBe(expected);
    expect(isInert(out)).toBe(true);
  });

  it('escapes a marker that starts the line, not the same one further on', () => {
    expect(escapeInline('- item')).toBe(raw`\- item`);
    expect(escapeInline('+ a - b')).toBe(raw`\+ a - b`);
    expect(escapeInline('> a > b')).toBe(raw`\> a > b`);
    expect(escapeInline('# a # b')).toBe(raw`\# a # b`);
  });

  it('marks the cut where a dropped character sat between the halves of a surrogate pair', () => {
    // The halves pair up into one rune once the NUL is gone: 'b' is still cut, and it shows.
    const text = `${'a'.repeat(9)}\ud83d\u0000\ude00b`;
    expect(escapeInline(text, 10)).toBe('aaaaaaaaa…');
    expect(plainText(text, 10)).toBe('aaaaaaaaa…');
    expect(escapeInline(text, 11)).toBe('aaaaaaaaa😀b');
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
      '<at>',
      '`',
      '\n',
      '&lt;',
      '#',
      '\\',
      'www.',
      ':',
      '1.',
      ' ',
      '|',
      '- ',
      '+',
      '>',
      '(',
      ')',
      '!',
      'é',
      '😀',
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
  it('makes every line a paragraph, without indentation or blank lines', () => {
    expect(escapeBlock('# t\n\n\n\n    code\n> q\r\n1. last  line  \n<at>x</at>')).toBe(
      raw`\# t` +
        '\n\n' +
        'code\n\n' +
        raw`\> q` +
        '\n\n' +
        raw`1\. last line` +
        '\n\n' +
        `<${J}at>x<${J}/at>`,
    );
  });

  it('escapes list, heading and quote markers at the start of every line only', () => {
    expect(escapeBlock('WS-114 down\n- item\n+ a - b\n# h\n> q > r')).toBe(
      ['WS-114 down', raw`\- item`, raw`\+ a - b`, raw`\# h`, raw`\> q > r`].join('\n\n'),
    );
  });

  it('keeps each paragraph inert', () => {
    for (const paragraph of escapeBlock('@all\n- x\n2. y\nwww.e.com\nhttp://e').split('\n\n')) {
      expect(isInert(paragraph), paragraph).toBe(true);
    }
  });

  it('bounds the length', () => {
    expect(escapeBlock('a\n'.repeat(10_000), 7)).toBe('a\n\na\n\n…');
    expect(escapeBlock('😀\n'.repeat(10), 4)).toBe('😀\n\n…');
    expect(escapeBlock('😀\n😀', 4)).toBe('😀\n\n😀');
  });
});

describe('plainText', () => {
  it('breaks mentions, links, tags and entities with invisible joiners only', () => {
    expect(plainText('@all [x](http://evil) <at>b</at> &lt;\n~town')).toBe(
      `@${J}all [x]${J}(http${J}://evil) <${J}at>b<${J}/at> &${J}lt; ~town`,
    );
    expect(plainText('Suspicious PowerShell on WS-114')).toBe('Suspicious PowerShell on WS-114');
  });
});

describe('safeHttpUrl', () => {
  it.each([
    ['https://app.sekoia.io/operations/alerts/ALT-1', 'https://app.sekoia.io/operations/alerts/ALT-1'],
    ['https://a.example/x (y)<z>', 'https://a.example/x%20%28y%29%3Cz%3E'],
    ['http://a.example/', 'http://a.example/'],
    ['javascript:alert(1)', undefined],
    ['ftp://a.example/', undefined],
    ['https://user:pw@a.example/', undefined],
    [`https://a.example/${'x'.repeat(2_000)}`, undefined],
    ['not a url', undefined],
  ])('safeHttpUrl(%s)', (input, expected) => {
    expect(safeHttpUrl(input)).toBe(expected);
  });
});
