import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../../src/clock.ts';
import { createResponseUrlResolver } from '../../../src/platforms/mattermost/create-response-url-resolver.ts';
import { matchCommandHook, toServerBase } from '../../../src/platforms/mattermost/match-command-hook.ts';
import { captureLog } from '../../storage/capture-log.ts';

const ID = 'f3k9w2p7r5m1c8x4t6y0q2z9bd';

describe('matchCommandHook', () => {
  const site = toServerBase('https://chat.example.com/mattermost/') ?? { origin: '', path: '' };

  it.each([
    [`https://chat.example.com/mattermost/hooks/commands/${ID}`, ID],
    [`https://CHAT.example.com:443/mattermost/hooks/commands/${ID}`, ID],
    // The server joins the Site URL as configured, a trailing slash included.
    [`https://chat.example.com/mattermost//hooks/commands/${ID}`, ID],
    [`https://chat.example.com/mattermost/x/../hooks/commands/${ID}`, ID],
  ])('finds the hook id in %s', (url, id) => {
    expect(matchCommandHook(url, site)).toBe(id);
  });

  it.each([
    `https://chat.example.com/hooks/commands/${ID}`,
    `http://chat.example.com/mattermost/hooks/commands/${ID}`,
    `https://chat.example.com.evil.test/mattermost/hooks/commands/${ID}`,
    `https://user:pw@chat.example.com/mattermost/hooks/commands/${ID}`,
    `https://chat.example.com/mattermost/hooks/commands/${ID}?next=/api/v4/posts`,
    `https://chat.example.com/mattermost/hooks/commands/${ID}#x`,
    `https://chat.example.com/mattermost/hooks/commands/${ID}/extra`,
    'https://chat.example.com/mattermost/hooks/commands/%2e%2e',
    'https://chat.example.com/mattermost/hooks/commands/../../api/v4/users/me',
    'https://chat.example.com/mattermost/api/v4/posts',
    'not a url',
  ])('refuses %s', (url) => {
    expect(matchCommandHook(url, site)).toBeUndefined();
  });
});

describe('createResponseUrlResolver', () => {
  function setUp(answers: Array<string | Error>) {
    const clock = createManualClock();
    const capture = captureLog();
    let reads = 0;
    const resolver = createResponseUrlResolver({
      mattermostUrl: 'http://mattermost:8065',
      readSiteUrl: async () => {
        const answer = answers[Math.min(reads, answers.length - 1)];
        reads += 1;
        if (answer instanceof Error) throw answer;
        return answer ?? '';
      },
      clock,
      log: capture.log,
    });
    return { clock, capture, resolver, reads: () => reads };
  }

  it('sends a hook on the Site URL or on MATTERMOST_URL to MATTERMOST_URL, and nothing else anywhere', async () => {
    const { resolver, reads } = setUp(['https://chat.example.com']);
    resolver.start();
    const target = `http://mattermost:8065/hooks/commands/${ID}`;
    expect(await resolver.resolve(`https://chat.example.com/hooks/commands/${ID}`)).toBe(target);
    expect(await resolver.resolve(target)).toBe(target);
    expect(await resolver.resolve(`https://elsewhere.example/hooks/commands/${ID}`)).toBeUndefined();
    expect(reads()).toBe(1);
  });

  it('reads the Site URL again when it could not, at most once a minute', async () => {
    const { clock, resolver, reads, capture } = setUp([new Error('down'), 'https://chat.example.com']);
    resolver.start();
    const onSite = `https://chat.example.com/hooks/commands/${ID}`;
    expect(await resolver.resolve(onSite)).toBeUndefined();
    expect(reads()).toBe(1);
    clock.advance(60_000);
    expect(await resolver.resolve(onSite)).toBe(`http://mattermost:8065/hooks/commands/${ID}`);
    expect(reads()).toBe(2);
    const messages = capture.records().map((record) => record.msg);
    expect(messages).toContain(
      'could not read the Site URL from Mattermost; tried again when a late answer needs it',
    );
    expect(capture.records().find((record) => record.trusted && record.level === 30)?.trusted).toEqual([
      'http://mattermost:8065',
      'https://chat.example.com',
    ]);
  });

  it('warns when Mattermost has no Site URL', async () => {
    const { resolver, capture } = setUp(['']);
    resolver.start();
    expect(await resolver.resolve(`http://mattermost:8065/hooks/commands/${ID}`)).toBeDefined();
    expect(capture.records().map((record) => record.msg)).toContain(
      'Mattermost has no Site URL (ServiceSettings.SiteURL): it runs no custom slash command',
    );
  });
});
