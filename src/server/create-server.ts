import { randomUUID } from 'node:crypto';
import restify, { type Request, type Response, type Server } from 'restify';
import { NOT_FOUND_BODY } from '../ingress/create-webhook-route.ts';
import { type Logger, logSafe } from '../log.ts';

export interface Route {
  method: 'get' | 'head' | 'post';
  path: string;
  /** Async (restify then needs no `next`), answering through `res`. */
  handler: (req: Request, res: Response) => Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** The restify server with the whole route table, request ids, access logs and a uniform 404. */
export function createServer(options: { routes: readonly Route[]; log: Logger }): Server {
  const server = restify.createServer({ name: 'sekoia-chatops', handleUncaughtExceptions: false });
  server.pre((req, res, next) => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    (req as Request & { _id?: string })._id = id;
    res.setHeader('X-Request-Id', id);
    return next();
  });
  for (const route of options.routes) {
    server[route.method](route.path, route.handler);
  }
  if (options.log.isLevelEnabled('debug')) {
    server.on('after', (req: Request, res: Response) => {
      options.log.debug(
        { reqId: req.getId(), method: req.method, path: redactPath(req.path()), status: res.statusCode },
        'request',
      );
    });
  }
  // Byte for byte the answer to a wrong WebHook secret (create-webhook-route.ts), headers included.
  const uniform404 = (_req: Request, res: Response, _err: unknown, callback: () => void) => {
    res.setHeader('Connection', 'close');
    res.send(404, NOT_FOUND_BODY);
    callback();
  };
  server.on('NotFound', uniform404);
  server.on('MethodNotAllowed', uniform404);
  server.on('restifyError', (req: Request, _res: Response, err: Error, callback: () => void) => {
    options.log.error({ reqId: req.getId(), err: logSafe(err.message) }, 'request failed');
    callback();
  });
  return server;
}

/** The WebHook secret is part of the path: never write it to a log. */
export function redactPath(path: string): string {
  return path.replace(/^\/hooks\/sekoia\/[^/]*/, '/hooks/sekoia/[redacted]');
}
