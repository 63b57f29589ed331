import { describe, expect, it } from 'vitest';
import { createLogger, type Logger } from '../../src/log.ts';
import type { LogFormat } from '../../src/log-format.ts';

const HOOK_SECRET = 'Zq9dE2hookSecretValue0123456789';
const API_KEY = 'sk-live-Apikey0123456789abcdef';
const BEARER = 'Bearer eyJhbGciOiJIUzI1NiJ9.token';

function capture(format?: LogFormat, colorize = false): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  const log = createLogger({
    level: 'info',
    format,
    colorize,
    destination: { write: (line) => lines.push(line) },
  });
  return { log, lines };
}

function logSecrets(log: Logger): void {
  log.info(
    {
      req: { url: `/hooks/sekoia/${HOOK_SECRET}`, headers: { authorization: BEARER } },
      config: { SEKOIA_API_KEY: API_KEY },
      apiKey: API_KEY,
    },
    `request to https://bot.example.org/hooks/sekoia/${HOOK_SECRET}`,
  );
}

describe('log lines for people (pretty)', () => {
  it('shows a readable line with every secret redacted, in the message and in the fields', () => {
    const { log, lines } = capture('pretty');
    logSecrets(log);
    const text = lines.join('');
    expect(text).toMatch(/INFO.*request to https:\/\/bot\.example\.org\/hooks\/\[redacted\]/);
    expect(text).toContain('"authorization": "[redacted]"');
    expect(text).toContain('"SEKOIA_API_KEY": "[redacted]"');
    expect(text).toContain('apiKey: "[redacted]"');
    for (const secret of [HOOK_SECRET, API_KEY, BEARER]) expect(text).not.toContain(secret);
    // Not JSON: a person reads it.
    expect(() => JSON.parse(lines[0] ?? '')).toThrow();
  });

  it('writes each line at once, in order, with colours only when asked', () => {
    const plain = capture('pretty');
    plain.log.info('first');
    plain.log.warn('second');
    expect(plain.lines).toHaveLength(2);
    expect(plain.lines[0]).toMatch(/INFO.*first/);
    expect(plain.lines[1]).toMatch(/WARN.*second/);
    expect(plain.lines.join('')).not.toContain('\u001b[');

    const coloured = capture('pretty', true);
    coloured.log.info('first');
    expect(coloured.lines.join('')).toContain('\u001b[');
  });
});

describe('log lines for machines (json)', () => {
  it('stays one JSON object a line, redacted, when no format is given or json is', () => {
    for (const { log, lines } of [capture('json'), capture()]) {
      logSecrets(log);
      expect(lines).toHaveLength(1);
      const record = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
      expect(record).toMatchObject({
        level: 30,
        service: 'sekoia-chatops',
        apiKey: '[redacted]',
        msg: 'request to https://bot.example.org/hooks/[redacted]',
        req: { url: '/hooks/[redacted]', headers: { authorization: '[redacted]' } },
      });
      for (const secret of [HOOK_SECRET, API_KEY, BEARER]) expect(lines[0]).not.toContain(secret);
    }
  });
});
