import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { BotError } from '../../src/errors.ts';

describe('Mattermost rate limit settings', () => {
  it('default to Mattermost’s own limiter: 10 requests a second, bursts of 100', () => {
    expect(loadConfig({})).toMatchObject({ MATTERMOST_RATE_LIMIT: 10, MATTERMOST_RATE_BURST: 100 });
  });

  it('take a server’s own settings, and 0 to turn pacing off', () => {
    expect(loadConfig({ MATTERMOST_RATE_LIMIT: '2.5', MATTERMOST_RATE_BURST: '20' })).toMatchObject({
      MATTERMOST_RATE_LIMIT: 2.5,
      MATTERMOST_RATE_BURST: 20,
    });
    expect(loadConfig({ MATTERMOST_RATE_LIMIT: '0' })).toMatchObject({ MATTERMOST_RATE_LIMIT: 0 });
  });

  it('refuses what is not a rate or a burst, naming both variables', () => {
    let problems: string[] = [];
    try {
      loadConfig({ MATTERMOST_RATE_LIMIT: '-1', MATTERMOST_RATE_BURST: '0.5' });
    } catch (error) {
      if (!(error instanceof BotError)) throw error;
      problems = error.details.problems as string[];
    }
    expect(problems.join('\n')).toMatch(/MATTERMOST_RATE_LIMIT/);
    expect(problems.join('\n')).toMatch(/MATTERMOST_RATE_BURST/);
  });
});
