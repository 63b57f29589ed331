import type { Request, Response } from 'restify';

/**
 * `GET` and `HEAD /api/messages`. Microsoft 365 Agents Playground waits for the bot with a HEAD on
 * this endpoint and takes any answer as "up" (its bundled `wait-on`, `validateStatus: () => true`);
 * uptime probes do the same. Activities only come by POST: a plain 405 with `Allow`, as CloudAdapter
 * answers a GET (reference teams.md §1.2), which the access log records at debug, not an error.
 */
export async function answerMessagesProbe(_req: Request, res: Response): Promise<void> {
  res.writeHead(405, { Allow: 'POST', 'Content-Length': '0' });
  res.end();
}
