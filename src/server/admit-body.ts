import type { IncomingMessage } from 'node:http';
import type { Request, Response } from 'restify';
import { sendJson } from '../http/send-json.ts';
import type { Logger } from '../log.ts';
import type { BodyBudget } from './create-body-budget.ts';

export interface BodyAdmissionOptions {
  budget: BodyBudget;
  /** The most any route reads of one body (larger ones are refused with 413 by the route). */
  maxBodyBytes: number;
  /** What `Retry-After` says to a refused sender. */
  retryAfterSeconds: number;
  log: Logger;
}

/**
 * Before routing: a request with a body holds its share of the body budget until its answer is
 * sent or its connection drops, or is refused with 503 and `Retry-After` when the budget is spent.
 * The share is the declared length (Node never delivers more), capped at the largest body a route
 * reads; a chunked body declares nothing and holds that cap.
 */
export function createBodyAdmission(options: BodyAdmissionOptions) {
  const { budget, log } = options;
  return (req: Request, res: Response, next: (proceed?: false) => void): void => {
    const bytes = bytesToHold(req, options.maxBodyBytes);
    const release = bytes === 0 ? undefined : budget.reserve(bytes);
    if (bytes === 0 || release) {
      // 'close' also follows a normal answer, and an aborted upload.
      if (release) res.once('close', release);
      next();
      return;
    }
    log.warn(
      { reqId: req.getId(), bytes, held: budget.held(), budgetBytes: budget.maxBytes },
      'request refused: the bytes held for request bodies are at their limit',
    );
    res.setHeader('Retry-After', String(options.retryAfterSeconds));
    // No `Connection: close`: Node discards the rest of the body as it comes (nothing is held), so
    // that a sender writing its whole body before reading gets this answer rather than a reset.
    sendJson(res, 503, { code: 'server_busy', message: 'too many requests in progress; retry later' });
    next(false);
  };
}

function bytesToHold(req: IncomingMessage, cap: number): number {
  const declared = req.headers['content-length'];
  if (declared !== undefined) {
    const length = Number(declared);
    return Number.isSafeInteger(length) && length >= 0 ? Math.min(length, cap) : cap;
  }
  return req.headers['transfer-encoding'] === undefined ? 0 : cap;
}
