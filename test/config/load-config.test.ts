import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { withEnvFile } from '../../src/config/read-env-file.ts';
import { BotError } from '../../src/errors.ts';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof BotError && error.code === 'config_invalid')
      return error.details.problems as string[];
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('starts with no configuration at all, on the embedded defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3978,
      PUBLIC_URL: 'http://localhost:3978',
      SEKOIA_API_URL: 'https://api.sekoia.io',
      SEKOIA_APP_URL: 'https://app.sekoia.io',
      STORE_URL: 'sqlite://./data/sekoia-chatops.sqlite',
      LOG_LEVEL: 'info',
      MATTERMOST_COMMAND_TOKENS: [],
      mattermostEnabled: false,
      teamsAuthenticated: false,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads every variable of the spec', () => {
    const config = loadConfig({
      PORT: '8080',
      PUBLIC_URL: 'https://bot.example.org/',
      SEKOIA_WEBHOOK_SECRET: 'w'.repeat(32),
      SEKOIA_API_URL: 'https://app.fra2.sekoia.io/api',
      SEKOIA_API_KEY: 'key',
      SEKOIA_APP_URL: 'https://app.fra2.sekoia.io',
      MATTERMOST_URL: 'https://chat.example.org',
      MATTERMOST_BOT_TOKEN: 'bot-token',
      MATTERMOST_COMMAND_TOKENS: 'tok1, tok2,,',
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'pw',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: 'tenant',
      STORE_URL: 'redis://127.0.0.1:6379',
      ACTION_SIGNING_KEY: 'k'.repeat(40),
      LOG_LEVEL: 'debug',
    });
    expect(config).toMatchObject({
      PORT: 8080,
      PUBLIC_URL: 'https://bot.example.org',
      SEKOIA_API_URL: 'https://app.fra2.sekoia.io/api',
      MATTERMOST_COMMAND_TOKENS: ['tok1', 'tok2'],
      mattermostEnabled: true,
      teamsAuthenticated: true,
      MicrosoftAppType: 'SingleTenant',
    });
  });

  it('lists every bad variable in one error, without quoting values', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      SEKOIA_API_URL: 'ftp://nope',
      STORE_URL: 'mysql://db',
      LOG_LEVEL: 'loud',
      SEKOIA_WEBHOOK_SECRET: 'short',
      MATTERMOST_URL: 'https://chat.example.org',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppId: 'app',
      MicrosoftAppPassword: 'p',
    });
    const names = problems.map((p) => p.split(':')[0]);
    expect(names).toEqual(
      expect.arrayContaining([
        'PORT',
        'SEKOIA_API_URL',
        'STORE_URL',
        'LOG_LEVEL',
        'SEKOIA_WEBHOOK_SECRET',
        'MATTERMOST_BOT_TOKEN',
        'MicrosoftAppTenantId',
      ]),
    );
    expect(problems.join('\n')).not.toContain('short');
  });

  it('refuses a managed identity botbuilder would refuse at start: no client ID, no tenant, or a password', () => {
    const msi = {
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppId: 'client',
      MicrosoftAppTenantId: 'tenant',
    };
    expect(loadConfig(msi).teamsAuthenticated).toBe(true);
    expect(problemsOf({ ...msi, MicrosoftAppId: '' })).toEqual([
      expect.stringMatching(/^MicrosoftAppId: required for UserAssignedMSI/),
    ]);
    expect(problemsOf({ ...msi, MicrosoftAppTenantId: ' ' })).toEqual([
      'MicrosoftAppTenantId: required for UserAssignedMSI',
    ]);
    const withPassword = problemsOf({ ...msi, MicrosoftAppPassword: 'secret-value' });
    expect(withPassword).toEqual([expect.stringMatching(/^MicrosoftAppPassword: must not be set/)]);
    expect(withPassword.join()).not.toContain('secret-value');
  });

  it('reads QUEUE_PATH with a Redis or PostgreSQL store, defaults it, and refuses what is not a lasting file', () => {
    // Unset: the queue is the store's (SQLite file, BullMQ on Redis, PostgreSQL).
    expect(loadConfig({}).QUEUE_PATH).toBeUndefined();
    expect(
      loadConfig({ STORE_URL: 'redis://r:6379', QUEUE_PATH: ' /var/lib/bot/queue.sqlite ' }).QUEUE_PATH,
    ).toBe('/var/lib/bot/queue.sqlite');
    expect(loadConfig({ STORE_URL: 'rediss://r:6380', QUEUE_PATH: 'q.sqlite' }).QUEUE_PATH).toBe('q.sqlite');
    // On PostgreSQL the queue is in the database, shared by the replicas.
    expect(problemsOf({ STORE_URL: 'postgres://p/db', QUEUE_PATH: 'q.sqlite' })).toHaveLength(1);
    expect(loadConfig({ STORE_URL: 'redis://r:6379', QUEUE_PATH: '' }).QUEUE_PATH).toBeUndefined();
    for (const bad of [':memory:', 'sqlite://./q.sqlite', './data/', 'a\0b']) {
      const problems = problemsOf({ STORE_URL: 'redis://r:6379', QUEUE_PATH: bad });
      expect(problems, bad).toHaveLength(1);
      expect(problems[0]).toMatch(/^QUEUE_PATH/);
    }
    // On SQLite the queue shares the store's file: a QUEUE_PATH there would be silently ignored.
    expect(problemsOf({ QUEUE_PATH: './q.sqlite' })).toEqual([
      expect.stringMatching(/^QUEUE_PATH: only used with a redis:\/\/ STORE_URL/),
    ]);
    expect(problemsOf({ STORE_URL: 'sqlite://./b.sqlite', QUEUE_PATH: './q.sqlite' })).toHaveLength(1);
  });

  it('reads QUEUE_LEASE_SECONDS: 60 by default, 5 to 600 whole seconds', () => {
    expect(loadConfig({}).QUEUE_LEASE_SECONDS).toBe(60);
    expect(loadConfig({ QUEUE_LEASE_SECONDS: '15' }).QUEUE_LEASE_SECONDS).toBe(15);
    for (const bad of ['4', '601', '7.5', 'ten']) {
      expect(problemsOf({ QUEUE_LEASE_SECONDS: bad })).toEqual([
        expect.stringMatching(/^QUEUE_LEASE_SECONDS: /),
      ]);
    }
  });

  it('reads the storm budget: STORM_BUDGET 1–1000 cards per STORM_WINDOW 1m–24h, STORM_OWN_CARD_URGENCY', () => {
    expect(loadConfig({})).toMatchObject({
      STORM_BUDGET: 20,
      STORM_WINDOW: 300_000,
      STORM_OWN_CARD_URGENCY: 'high',
    });
    expect(
      loadConfig({ STORM_BUDGET: '50', STORM_WINDOW: '1h30m', STORM_OWN_CARD_URGENCY: 'medium' }),
    ).toMatchObject({ STORM_BUDGET: 50, STORM_WINDOW: 90 * 60_000, STORM_OWN_CARD_URGENCY: 'medium' });
    const problems = problemsOf({ STORM_BUDGET: '0', STORM_WINDOW: '2d', STORM_OWN_CARD_URGENCY: 'max' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'STORM_BUDGET',
      'STORM_OWN_CARD_URGENCY',
      'STORM_WINDOW',
    ]);
    expect(problems.join('\n')).toContain('STORM_WINDOW: "window" must be between 1m and 24h, got "2d"');
  });

  it('takes the schedules from RULES_CATALOG_POLL_CRON and INTAKE_SILENCE_CHECK_CRON, 5 or 6 fields', () => {
    expect(loadConfig({})).toMatchObject({
      RULES_CATALOG_POLL_CRON: '*/15 * * * *',
      INTAKE_SILENCE_CHECK_CRON: '*/5 * * * *',
    });
    expect(loadConfig({ RULES_CATALOG_POLL_CRON: ' ', INTAKE_SILENCE_CHECK_CRON: '' })).toMatchObject({
      RULES_CATALOG_POLL_CRON: '*/15 * * * *',
      INTAKE_SILENCE_CHECK_CRON: '*/5 * * * *',
    });
    expect(
      loadConfig({ RULES_CATALOG_POLL_CRON: '0 */2 * * *', INTAKE_SILENCE_CHECK_CRON: '*/10 * * * * *' }),
    ).toMatchObject({ RULES_CATALOG_POLL_CRON: '0 */2 * * *', INTAKE_SILENCE_CHECK_CRON: '*/10 * * * * *' });
  });

  it('catches up on CATCH_UP_CRON (every 5 minutes) and sums up over CATCH_UP_SUMMARY_OVER new cards (20)', () => {
    expect(loadConfig({})).toMatchObject({ CATCH_UP_CRON: '*/5 * * * *', CATCH_UP_SUMMARY_OVER: 20 });
    expect(loadConfig({ CATCH_UP_CRON: '*/30 * * * * *', CATCH_UP_SUMMARY_OVER: '5' })).toMatchObject({
      CATCH_UP_CRON: '*/30 * * * * *',
      CATCH_UP_SUMMARY_OVER: 5,
    });
    const problems = problemsOf({ CATCH_UP_CRON: 'often', CATCH_UP_SUMMARY_OVER: '0' });
    expect(problems.map((p) => p.split(':')[0])).toEqual(
      expect.arrayContaining(['CATCH_UP_CRON', 'CATCH_UP_SUMMARY_OVER']),
    );
  });

  it('reports a bad schedule with the other problems, naming the expression and why', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      RULES_CATALOG_POLL_CRON: 'every 15 minutes',
      INTAKE_SILENCE_CHECK_CRON: '61 * * * *',
    });
    expect(problems.map((p) => p.split(':')[0])).toEqual(
      expect.arrayContaining(['PORT', 'RULES_CATALOG_POLL_CRON', 'INTAKE_SILENCE_CHECK_CRON']),
    );
    expect(problems.find((p) => p.startsWith('RULES_CATALOG_POLL_CRON'))).toContain(
      '"every 15 minutes" is not a cron expression (expected 5 or 6 fields but got 3)',
    );
    expect(problems.find((p) => p.startsWith('INTAKE_SILENCE_CHECK_CRON'))).toContain('61');
  });

  it('paces the Sekoia.io API at 5 requests/s unless SEKOIA_API_RATE says otherwise (1–100)', () => {
    expect(loadConfig({}).SEKOIA_API_RATE).toBe(5);
    expect(loadConfig({ SEKOIA_API_RATE: '2' }).SEKOIA_API_RATE).toBe(2);
    for (const rate of ['0', '2.5', 'fast', '500']) {
      expect(problemsOf({ SEKOIA_API_RATE: rate }).map((p) => p.split(':')[0])).toEqual(['SEKOIA_API_RATE']);
    }
  });

  it('takes a .env file, with the real environment winning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'env-'));
    const file = join(dir, '.env');
    writeFileSync(file, 'PORT=4000\nLOG_LEVEL=debug\n# comment\nSEKOIA_API_KEY="from file"\n');
    const config = loadConfig(withEnvFile({ LOG_LEVEL: 'warn' }, file));
    expect(config).toMatchObject({ PORT: 4000, LOG_LEVEL: 'warn', SEKOIA_API_KEY: 'from file' });
    expect(withEnvFile({ A: '1' }, join(dir, 'missing.env'))).toEqual({ A: '1' });
  });
});
