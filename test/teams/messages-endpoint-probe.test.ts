import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTeamsWorld, type TeamsWorld } from '../integration/start-teams-world.ts';
import { type CapturedLog, captureLog } from '../storage/capture-log.ts';

/**
 * Microsoft 365 Agents Playground (0.2.28) waits for the bot with `wait-on` on the endpoint, which
 * sends HEAD and takes any status; uptime probes do the same, some with GET.
 */
describe('GET and HEAD /api/messages', () => {
  let world: TeamsWorld;
  let log: CapturedLog;

  beforeAll(async () => {
    log = captureLog();
    world = await startTeamsWorld({ log: log.log });
  });
  afterAll(() => world.close());

  it.each(['HEAD', 'GET'])('answers %s with 405 and Allow: POST, and logs no error', async (method) => {
    const seen = log.lines.length;
    const response = await fetch(`${world.bot.url}/api/messages`, { method });
    expect([response.status, response.headers.get('allow'), await response.text()]).toEqual([
      405,
      'POST',
      '',
    ]);
    const records = log.records().slice(seen);
    expect(records.filter((record) => Number(record.level) >= 40)).toEqual([]);
    expect(records).toContainEqual(
      expect.objectContaining({ level: 20, method, path: '/api/messages', status: 405, msg: 'request' }),
    );
  });

  it('still takes activities by POST', async () => {
    const replies = await world.command('help');
    expect(replies.length).toBeGreaterThan(0);
  });
});
