import { describe, expect, it } from 'vitest';
import { failedBeforeSending } from '../../src/http/failed-before-sending.ts';

const wrapped = (cause: object) => new TypeError('fetch failed', { cause });

describe('failedBeforeSending', () => {
  it.each([
    ['a refused connection', { code: 'ECONNREFUSED', syscall: 'connect' }],
    ['an unknown host', { code: 'ENOTFOUND', syscall: 'getaddrinfo' }],
    ['a connect timeout', { code: 'UND_ERR_CONNECT_TIMEOUT' }],
    ['an unreachable host at connect', { code: 'EHOSTUNREACH', syscall: 'connect' }],
  ])('knows %s left nothing sent', (_name, cause) => {
    expect(failedBeforeSending(wrapped(cause))).toBe(true);
  });

  it.each([
    ['a reset once sent', wrapped({ code: 'ECONNRESET', syscall: 'read' })],
    ['a socket closed mid-answer', wrapped({ code: 'UND_ERR_SOCKET' })],
    ['our own timeout', new DOMException('timed out', 'TimeoutError')],
    ['no cause at all', new Error('x')],
  ])('proves nothing from %s', (_name, error) => {
    expect(failedBeforeSending(error)).toBe(false);
  });
});
