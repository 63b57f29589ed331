import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger, redactHookPaths } from '../../src/log.ts';
import { captureLog } from '../storage/capture-log.ts';
import { postJson, startBot, TEST_WEBHOOK_SECRET, type TestBot } from './start-bot.ts';

const PINO_ERROR = 50;

describe('the WebHook secret never reaches the logs (real server, every log line captured)', () => {
  let bot: TestBot;
  let lines: string[];

  beforeEach(async () => {
    const captured = captureLog();
    lines = captured.lines;
    bot = await startBot({ log: captured.log });
  });
  afterEach(async () => {
    await bot.stop();
  });

  const event = { type: 'connector-error', action: 'created', attributes: {}, metadata: {} };

  it.each([
    ['a trailing slash', `/hooks/sekoia/${TEST_WEBHOOK_SECRET}/`, 404],
    ['an extra segment', `/hooks/sekoia/${TEST_WEBHOOK_SECRET}/extra`, 404],
    ['an upper-case path', `/HOOKS/SEKOIA/${TEST_WEBHOOK_SECRET}`, 404],
    ['another hook family', `/Hooks/other/${TEST_WEBHOOK_SECRET}?x=1`, 404],
    ['an encoded slash', `/hooks%2Fsekoia%2F${TEST_WEBHOOK_SECRET}`, 404],
    ['the right path', `/hooks/sekoia/${TEST_WEBHOOK_SECRET}`, 202],
  ])('%s: the secret appears in no line and nothing is logged as an error', async (_label, path, status) => {
    const response = await postJson(`${bot.url}${path}`, event);
    expect(response.status).toBe(status);
    await response.text();
    await expect.poll(() => lines.length).toBeGreaterThan(0);
    expect(lines.filter((line) => line.toLowerCase().includes(TEST_WEBHOOK_SECRET))).toEqual([]);
    const records = lines.map((line) => JSON.parse(line) as { level: number; msg?: string });
    expect(records.filter((record) => record.level >= PINO_ERROR)).toEqual([]);
  });

  it('logs an unknown path below error level, and still says which path it was', async () => {
    const response = await postJson(`${bot.url}/no/such/path`, event);
    expect(response.status).toBe(404);
    await response.text();
    await expect.poll(() => lines.some((line) => line.includes('/no/such/path'))).toBe(true);
    const records = lines.map((line) => JSON.parse(line) as { level: number });
    expect(records.filter((record) => record.level >= PINO_ERROR)).toEqual([]);
  });
});

describe('the WebHook secret never reaches readable log lines either (LOG_FORMAT=pretty)', () => {
  it('redacts the secret on the right path and on a wrong one', async () => {
    const lines: string[] = [];
    const log = createLogger({
      level: 'debug',
      format: 'pretty',
      destination: { write: (line: string) => lines.push(line) },
    });
    const bot = await startBot({ log });
    try {
      const event = { type: 'connector-error', action: 'created', attributes: {}, metadata: {} };
      for (const path of [
        `/hooks/sekoia/${TEST_WEBHOOK_SECRET}/extra`,
        `/hooks/sekoia/${TEST_WEBHOOK_SECRET}`,
      ]) {
        const response = await postJson(`${bot.url}${path}`, event);
        await response.text();
      }
      await expect.poll(() => lines.some((line) => line.includes('/hooks/[redacted]'))).toBe(true);
      expect(lines.filter((line) => line.toLowerCase().includes(TEST_WEBHOOK_SECRET.toLowerCase()))).toEqual(
        [],
      );
    } finally {
      await bot.stop();
    }
  });
});

describe('redactHookPaths', () => {
  it.each([
    ['/hooks/sekoia/abc', '/hooks/[redacted]'],
    ['POST /HOOKS/Sekoia/abc/x?y=1 does not exist', 'POST /hooks/[redacted] does not exist'],
    ['{"path":"/hooks/sekoia/a\\"b","n":1}', '{"path":"/hooks/[redacted]","n":1}'],
    ['http://mm.local/hooks/commands/xyz', 'http://mm.local/hooks/[redacted]'],
    ['/hooks%2fsekoia%2fabc', '/hooks/[redacted]'],
    ['/mattermost/actions', '/mattermost/actions'],
  ])('%s', (text, expected) => {
    expect(redactHookPaths(text)).toBe(expected);
  });
});
