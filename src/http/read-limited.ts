import type { IncomingMessage } from 'node:http';
import { BotError } from '../errors.ts';

/**
 * Collects the body without destroying the socket when it is too large (an async iterator would),
 * so that the 413 answer can still reach the sender. A body that came in one chunk (a WebHook's,
 * nearly always) is that chunk, not a copy: Node's HTTP parser hands each chunk over in memory of
 * its own (a copy of the socket's read), never reused.
 */
export function readLimited(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      cleanup();
      req.pause();
      reject(bodyTooLarge(limit));
    };
    const onEnd = () => {
      cleanup();
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(new BotError('webhook_invalid_json', { message: 'the body could not be read', cause: error }));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

/** The coded error for a body over `limit` bytes, declared or received (answered 413). */
export function bodyTooLarge(limit: number): BotError {
  return new BotError('webhook_payload_too_large', {
    message: `the body is larger than ${limit} bytes`,
    details: { limit },
  });
}
