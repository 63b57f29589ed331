import { request } from 'node:http';

export interface UploadAnswer {
  status: number;
  retryAfter: string | undefined;
  body: string;
}

export interface SlowUpload {
  /** The answer, as soon as the server gives one (a refusal may come before the body is sent). */
  answer: Promise<UploadAnswer>;
  /** Sends the rest of the body. */
  finish(): void;
  /** Drops the connection halfway through the body. */
  abort(): void;
}

/**
 * A POST of a valid notification of exactly `bytes` bytes on its own connection, of which only the
 * first kilobyte is sent until `finish()`: a slow sender holding its body open. `chunked` declares
 * no length.
 */
export function openSlowUpload(url: string, bytes: number, options: { chunked?: boolean } = {}): SlowUpload {
  const body = paddedNotification(bytes);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (!options.chunked) headers['content-length'] = String(bytes);
  const req = request(url, { method: 'POST', headers, agent: false });
  const answer = new Promise<UploadAnswer>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => {
        const retryAfter = res.headers['retry-after'];
        resolve({ status: res.statusCode ?? 0, retryAfter, body: text });
      });
    });
    // Writing after a refusal may fail with EPIPE / ECONNRESET: the answer already came, or will.
    req.on('error', (error) => setTimeout(() => reject(error), 1_000).unref());
  });
  answer.catch(() => undefined);
  req.write(body.subarray(0, 1_024));
  return {
    answer,
    finish: () => {
      if (!req.destroyed) req.end(body.subarray(1_024));
    },
    abort: () => {
      req.destroy();
    },
  };
}

/** `{"type":"slow-upload","pad":"xx…"}` of exactly `bytes` bytes. */
export function paddedNotification(bytes: number): Buffer {
  const frame = JSON.stringify({ type: 'slow-upload', pad: '' });
  return Buffer.from(frame.replace('""', `"${'x'.repeat(bytes - frame.length)}"`));
}
