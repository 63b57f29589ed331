import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { BotError } from '../../src/errors.ts';
import { chooseLogFormat } from '../../src/log-format.ts';

describe('chooseLogFormat', () => {
  it.each([
    ['a terminal in development', undefined, undefined, true, 'pretty'],
    ['a terminal with NODE_ENV=development', undefined, 'development', true, 'pretty'],
    ['a terminal in production', undefined, 'production', true, 'json'],
    ['a pipe or a file', undefined, undefined, false, 'json'],
    ['an unknown stdout (no isTTY)', undefined, undefined, undefined, 'json'],
    ['LOG_FORMAT=json on a terminal', 'json', undefined, true, 'json'],
    ['LOG_FORMAT=pretty in production, piped', 'pretty', 'production', false, 'pretty'],
  ] as const)('%s: %s', (_label, configured, nodeEnv, isTTY, expected) => {
    expect(chooseLogFormat({ configured, nodeEnv, isTTY })).toBe(expected);
  });
});

describe('LOG_FORMAT in the configuration', () => {
  it('is unset by default and reads json or pretty (blank is unset)', () => {
    expect(loadConfig({}).LOG_FORMAT).toBeUndefined();
    expect(loadConfig({ LOG_FORMAT: ' ' }).LOG_FORMAT).toBeUndefined();
    expect(loadConfig({ LOG_FORMAT: 'json' }).LOG_FORMAT).toBe('json');
    expect(loadConfig({ LOG_FORMAT: 'pretty' }).LOG_FORMAT).toBe('pretty');
  });

  it('refuses another value with a message naming the choices, without quoting the value', () => {
    let problems: string[] = [];
    try {
      loadConfig({ LOG_FORMAT: 'xml-ish' });
    } catch (error) {
      if (!(error instanceof BotError) || error.code !== 'config_invalid') throw error;
      problems = error.details.problems as string[];
    }
    expect(problems).toEqual(['LOG_FORMAT: must be one of json, pretty']);
  });
});
