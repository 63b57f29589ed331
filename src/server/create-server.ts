import { randomUUID } from 'node:crypto';
import restify, { type Request, type Response, type Server, type ServerOptions } from 'restify';
import { MAX_BODY_BYTES } from '../http/read-json-body.ts';
import { RETRY_AFTER_SECONDS } from '../http/send-json.ts';
import { NOT_FOUND_BODY } from '../ingress/create-webhook-route.ts';
import { type Logger, logSafe, redactHookPaths } from '../log.ts';
import { createBodyAdmission } from './admit-body.ts';
import type { BodyBudget } from './create-body-budget.ts';

export interface Route {
  method: 'get' | 'head' | 'post';
  path: string;
  /** Async (restify then needs no `next`), answering through `res`. */
  handler: (req: Request, res: Response) => Promise<void>;
}

export interface ServerSettings {
  routes: readonly Route[];
  log: Logger;
  /** Bytes of request bodies held at once, all requests together (spec §8). */
  bodyBudget: BodyBudget;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** The restify server with the whole route table, request ids, access logs and a uniform 404. */
export function createServer(options: ServerSettings): Server {
  const { log } = options;
  const server = restify.createServer({
    name: 'sekoia-chatops',
    handleUncaughtExceptions: false,
    // restify 12 logs through pino; ours redacts (log.ts). @types/restify still names bunyan's type.
    log: log.child({ component: 'restify' }) as unknown as ServerOptions['log'],
  });
  server.pre((req, res, next) => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    (req as Request & { _id?: string })._id = id;
    res.setHeader('X-Request-Id', id);
    return next();
  });
  server.pre(
    createBodyAdmission({
      budget: options.bodyBudget,
      maxBodyBytes: MAX_BODY_BYTES,
      retryAfterSeconds: RETRY_AFTER_SECONDS,
      log,
    }),
  );
  for (const route of options.routes) {
    server[route.method](route.path, route.handler);
  }
  if (log.isLevelEnabled('debug')) {
    server.on('after', (req: Request, res: Response) => {
      log.debug({ ...describe(req), status: res.statusCode }, 'request');
    });
  }
  // Byte for byte the answer to a wrong WebHook secret (create-webhook-route.ts), headers included.
  const uniform404 = (req: Request, res: Response, _err: unknown, callback: () => void) => {
    // A probe or a mistyped URL, not a fault of the bot: worth a line, not an error.
    log.info(describe(req), 'no such route');
    res.setHeader('Connection', 'close');
    res.send(404, NOT_FOUND_BODY);
    callback();
  };
  server.on('NotFound', uniform404);
  server.on('MethodNotAllowed', uniform404);
  server.on('restifyError', (req: Request, _res: Response, err: Error, callback: () => void) => {
    const status = (err as Error & { statusCode?: unknown }).statusCode;
    const fields = { ...describe(req), err: logSafe(redactHookPaths(err.message)) };
    if (typeof status === 'number' && status < 500) log.debug(fields, 'request refused by the router');
    else log.error(fields, 'request failed');
    callback();
  });
  return server;
}

/** Method and path of a request for a log line; the WebHook secret is part of a path. */
function describe(req: Request): { reqId: string; method: string | undefined; path: string } {
  return { reqId: req.getId(), method: req.method, path: logSafe(redactHookPaths(req.path()), 300) };
}
