import { describe, expect, it } from 'vitest';
import { isLoopbackUrl } from '../../src/http/is-loopback-url.ts';

describe('isLoopbackUrl', () => {
  it('knows this machine by name and address, from the URL alone', () => {
    for (const url of [
      'http://localhost:3978',
      'http://127.0.0.1:1/x',
      'http://127.0.0.2',
      'http://[::1]:8080/',
    ]) {
      expect(isLoopbackUrl(url), url).toBe(true);
    }
  });

  it('refuses anything else, a look-alike name or an unparsable URL included', () => {
    for (const url of [
      'https://chatops.example.com',
      'http://127.0.0.1.example.com',
      'http://localhost.evil',
      'http://10.0.0.1',
      'not a url',
    ]) {
      expect(isLoopbackUrl(url), url).toBe(false);
    }
  });
});
