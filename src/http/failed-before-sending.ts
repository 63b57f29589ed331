/** Error codes of a connection that never opened: name resolution or connect (undici, node:net). */
const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * Whether a fetch failed before the request could leave (connection refused, unknown host, connect
 * timeout): then the remote cannot have acted on it. A reset, a socket closed mid-answer or our own
 * timeout prove nothing. fetch wraps the cause (`TypeError('fetch failed', { cause })`): the chain
 * is walked, a few levels deep.
 */
export function failedBeforeSending(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const { code, syscall } = current as { code?: unknown; syscall?: unknown };
    if (typeof code === 'string' && (NEVER_CONNECTED.has(code) || syscall === 'connect')) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
