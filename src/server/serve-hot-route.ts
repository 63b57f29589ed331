import type { Request, Response, Server } from 'restify';
import type { Route } from './create-server.ts';

/** restify's `first` chain (restify ≥ 7, not in @types/restify): `false` means "handled here". */
type FirstChain = { first(handler: (req: Request, res: Response) => boolean): void };

/** What both ways in do before a handler runs: the request id, then the body budget. */
export interface RequestSteps {
  assignId(req: Request, res: Response): void;
  admit(req: Request, res: Response, next: (proceed?: false) => void): void;
  /** The access log line restify's 'after' event writes for the other routes (debug level only). */
  logged?(req: Request, res: Response): void;
}

/** A path segment that needs no decoding: anything else goes through restify's router. */
const PLAIN_SEGMENT = /^[A-Za-z0-9_-]{1,256}$/;

/**
 * Serves one route of the shape `/prefix/:param` from restify's `first` chain, ahead of its
 * per-request setup, pre chain and router, which cost about a third of the main thread's time per
 * WebHook (BENCHMARKS.md, "Ingest: where the time goes"). Only a plain request is taken here: the
 * route's method, no query string, one segment of unreserved characters. Anything else goes on
 * through restify and is answered as before (a wrong method or path: the uniform 404). The handler
 * then sees what restify would give it: `req.params`, `req.getId()`, the `Server` header.
 */
export function serveHotRoute(server: Server, route: Route, steps: RequestSteps, serverName: string): void {
  const [prefix, param] = route.path.split(':');
  if (prefix === undefined || param === undefined || !prefix.endsWith('/') || param.includes('/')) {
    throw new Error(`a hot route is /prefix/:param, not ${route.path}`);
  }
  const method = route.method.toUpperCase();
  (server as unknown as FirstChain).first((req, res) => {
    const url = req.url ?? '';
    if (req.method !== method || !url.startsWith(prefix)) return true;
    const value = url.slice(prefix.length);
    if (!PLAIN_SEGMENT.test(value)) return true;
    (req as Request & { params: Record<string, string> }).params = { [param]: value };
    res.setHeader('Server', serverName);
    steps.assignId(req, res);
    const { logged } = steps;
    if (logged) res.once('finish', () => logged(req, res));
    steps.admit(req, res, (proceed) => {
      if (proceed !== false) void route.handler(req, res);
    });
    return false;
  });
}
