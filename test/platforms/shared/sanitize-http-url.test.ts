import { describe, expect, it } from 'vitest';
import { sanitizeHttpUrl } from '../../../src/platforms/shared/sanitize-http-url.ts';

describe('sanitizeHttpUrl', () => {
  it.each([
    ['https://app.sekoia.io/operations/alerts/ALT-1', 'https://app.sekoia.io/operations/alerts/ALT-1'],
    ['http://a.example', 'http://a.example/'],
    ['javascript:alert(1)', undefined],
    ['ftp://a.example/', undefined],
    ['https://user:pw@a.example/', undefined],
    ['https://user@a.example/', undefined],
    [`https://a.example/${'x'.repeat(2_000)}`, undefined],
    ['not a url', undefined],
  ])('sanitizeHttpUrl(%s)', (input, expected) => {
    expect(sanitizeHttpUrl(input, '')).toBe(expected);
  });

  it('percent-encodes the characters it is given, and no others', () => {
    expect(sanitizeHttpUrl('https://a.example/x (y)@z<w>', '()<>')).toBe(
      'https://a.example/x%20%28y%29@z%3Cw%3E',
    );
    expect(sanitizeHttpUrl('https://a.example/x (y)@z', '()@')).toBe('https://a.example/x%20%28y%29%40z');
  });
});
