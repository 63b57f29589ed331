import { randomUUID } from 'node:crypto';
import restify, { type Request, type Response, type Server, type ServerOptions } from 'restify';
import { MAX_BODY_BYTES } from '../http/read-json-body.ts';
import { RETRY_AFTER_SECONDS } from '../http/send-json.ts';
import { NOT_FOUND_BODY } from '../ingress/create-webhook-route.ts';
import { type Logger, logSafe, redactHookPaths } from '../log.ts';
import { createBodyAdmission } from './admit-body.ts';
import type { BodyBudget } from './create-body-budget.ts';
import { type RequestSteps, serveHotRoute } from './serve-hot-route.ts';

export interface Route {
  method: 'get' | 'head' | 'post';
  path: string;
  /**
   * Served ahead of restify's router (serve-hot-route.ts): the WebHook, the one route under load.
   * Its handler must answer with Node's own methods (sendJson), not restify's `res.send`.
   */
  hot?: true;
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
/** restify's `Server` header, which the hot route sets too. */
const SERVER_NAME = 'sekoia-chatops';

/** The restify server with the whole route table, request ids, access logs and a uniform 404. */
export function createServer(options: ServerSettings): Server {
  const { log } = options;
  const server = restify.createServer({
    name: SERVER_NAME,
    handleUncaughtExceptions: false,
    // restify 12 logs through pino; ours redacts (log.ts). @types/restify still names bunyan's type.
    log: log.child({ component: 'restify' }) as unknown as ServerOptions['log'],
  });
  const steps: RequestSteps = {
    assignId: (req, res) => {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
      (req as Request & { _id?: string })._id = id;
      res.setHeader('X-Request-Id', id);
    },
    admit: createBodyAdmission({
      budget: options.bodyBudget,
      maxBodyBytes: MAX_BODY_BYTES,
      retryAfterSeconds: RETRY_AFTER_SECONDS,
      log,
    }),
  };
  const logged = (req: Request, res: Response) =>
    log.debug({ ...describe(req), status: res.statusCode }, 'request');
  if (log.isLevelEnabled('debug')) steps.logged = logged;
  server.pre((req, res, next) => {
    steps.assignId(req, res);
    return next();
  });
  server.pre(steps.admit);
  for (const route of options.routes) {
    if (route.hot) serveHotRoute(server, route, steps, SERVER_NAME);
    server[route.method](route.path, route.handler);
  }
  if (steps.logged) server.on('after', logged);
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
