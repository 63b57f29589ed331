import type { Request, Response } from 'restify';
import type { Config } from '../config/load-config.ts';
import { isLoopback } from './is-loopback.ts';
import { renderFirstRunPage } from './render-first-run-page.ts';

/** What the page needs of a chat platform (ChatPlatform has it: a port, the server knows no platform). */
export interface PlatformSetup {
  displayName: string;
  enabled(config: Readonly<Config>): boolean;
  offReason?: string | undefined;
  setup: { steps(publicUrl: string): readonly string[]; guide: string };
}

export const MASKED_SECRET = '••••••••';

const HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
};

/**
 * `GET /` (and `HEAD /`): the first-run page. The WebHook secret is shown only to a request from
 * the bot's own host (`fromLoopback`, by the socket's address; injectable for tests).
 */
export function createFirstRunRoute(deps: {
  config: Readonly<Config>;
  webhookSecret: string;
  platforms: readonly PlatformSetup[];
  fromLoopback?: (req: Request) => boolean;
}) {
  const fromLoopback = deps.fromLoopback ?? isLoopback;
  const { config } = deps;
  return async (req: Request, res: Response): Promise<void> => {
    const masked = !fromLoopback(req);
    const body = renderFirstRunPage({
      webhookUrl: `${config.PUBLIC_URL}/hooks/sekoia/${masked ? MASKED_SECRET : deps.webhookSecret}`,
      masked,
      platforms: deps.platforms.map((platform) => ({
        name: platform.displayName,
        on: platform.enabled(config),
        offReason: platform.offReason,
        steps: platform.setup.steps(config.PUBLIC_URL),
        guide: platform.setup.guide,
      })),
    });
    res.writeHead(200, { ...HEADERS, 'Content-Length': Buffer.byteLength(body) });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
