import { describe, expect, it } from 'vitest';
import { isBotError } from '../../src/errors.ts';
import { parseStoreUrl } from '../../src/storage/parse-store-url.ts';

const cwd = '/srv/bot';

describe('parseStoreUrl', () => {
  it.each([
    ['sqlite://./data/x.sqlite', { kind: 'sqlite', path: '/srv/bot/data/x.sqlite' }],
    ['sqlite://data/x.sqlite', { kind: 'sqlite', path: '/srv/bot/data/x.sqlite' }],
    ['sqlite:///var/lib/bot/x.sqlite', { kind: 'sqlite', path: '/var/lib/bot/x.sqlite' }],
    ['sqlite://:memory:', { kind: 'sqlite', path: ':memory:' }],
    ['  sqlite://./x.sqlite  ', { kind: 'sqlite', path: '/srv/bot/x.sqlite' }],
    ['redis://127.0.0.1:6379', { kind: 'redis', url: 'redis://127.0.0.1:6379' }],
    ['rediss://cache.example:6380/2', { kind: 'redis', url: 'rediss://cache.example:6380/2' }],
    ['postgres://bot@db:5432/chatops', { kind: 'postgres', url: 'postgres://bot@db:5432/chatops' }],
    [
      'postgresql://db/chatops?sslmode=require',
      { kind: 'postgres', url: 'postgresql://db/chatops?sslmode=require' },
    ],
  ])('reads %s', (raw, expected) => {
    expect(parseStoreUrl(raw, cwd)).toMatchObject(expected);
  });

  it('masks the password in the URL meant for logs, and only there', () => {
    const location = parseStoreUrl('postgres://bot:hunter2@db:5432/chatops', cwd);
    expect(location.safeUrl).toBe('postgres://bot:***@db:5432/chatops');
    expect(location).toMatchObject({ url: 'postgres://bot:hunter2@db:5432/chatops' });
    expect(parseStoreUrl('redis://:hunter2@cache:6379', cwd).safeUrl).toBe('redis://:***@cache:6379');
  });

  it.each([
    ['', 'not a valid URL'],
    ['./data/x.sqlite', 'not a valid URL'],
    ['mysql://db/chatops', 'scheme'],
    ['http://example.com', 'scheme'],
    ['mongodb://user:hunter2@db', 'scheme'],
    ['sqlite:', 'starts with sqlite://'],
    ['sqlite:./x.sqlite', 'starts with sqlite://'],
    ['sqlite://', 'file path'],
    ['sqlite://./x.sqlite?mode=ro', 'file path'],
    ['redis://', 'no host'],
    ['postgres:///chatops', 'no host'],
  ])('refuses %j with store_url_unsupported', (raw, message) => {
    let thrown: unknown;
    try {
      parseStoreUrl(raw, cwd);
    } catch (error) {
      thrown = error;
    }
    expect(isBotError(thrown, 'store_url_unsupported')).toBe(true);
    expect((thrown as Error).message).toContain(message);
    expect(JSON.stringify((thrown as { details: unknown }).details)).not.toContain('hunter2');
  });
});
