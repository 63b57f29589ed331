/** Stable error codes: callers branch on `code`, never on message text. */
export type BotErrorCode =
  | 'config_invalid'
  | 'webhook_not_found'
  | 'webhook_unsupported_media_type'
  | 'webhook_payload_too_large'
  | 'webhook_invalid_json'
  | 'webhook_invalid_shape'
  | 'webhook_unstorable'
  | 'server_busy'
  | 'store_unavailable'
  | 'store_url_unsupported'
  | 'sekoia_unauthorized'
  | 'sekoia_forbidden'
  | 'sekoia_not_found'
  | 'sekoia_rejected'
  | 'sekoia_rate_limited'
  | 'sekoia_unavailable'
  | 'sekoia_invalid_response'
  | 'identity_key_refused'
  | 'identity_forbidden'
  | 'delivery_failed'
  | 'job_failed'
  | 'job_payload_invalid'
  | 'shutting_down'
  | 'command_usage'
  | 'rule_invalid'
  | 'rule_id_unavailable'
  | 'rule_not_found'
  | 'command_token_invalid'
  | 'request_invalid'
  | 'action_forbidden'
  | 'action_not_allowed'
  | 'access_lookup_failed'
  | 'groups_unavailable'
  | 'platform_rejected';

export interface BotErrorOptions {
  message?: string;
  cause?: unknown;
  details?: Record<string, unknown>;
  /** The remote asked us to wait this long before trying again (Retry-After). */
  retryAfterMs?: number;
  /** Whether doing the same thing again later may succeed. */
  retryable?: boolean;
  /**
   * The remote certainly did not do what was asked: it answered with a refusal (4xx, 429) or was
   * never reached (connection refused). A retry cannot duplicate it. False when unknown (a timeout,
   * a connection reset once the request was sent, a 5xx from a proxy).
   */
  nothingDone?: boolean;
}

const HTTP_STATUS: Partial<Record<BotErrorCode, number>> = {
  webhook_not_found: 404,
  webhook_unsupported_media_type: 415,
  webhook_payload_too_large: 413,
  webhook_invalid_json: 400,
  webhook_invalid_shape: 400,
  webhook_unstorable: 400,
  server_busy: 503,
  store_unavailable: 503,
  shutting_down: 503,
  command_token_invalid: 401,
  request_invalid: 400,
  action_forbidden: 403,
};

const RETRYABLE_BY_DEFAULT: ReadonlySet<BotErrorCode> = new Set<BotErrorCode>([
  'store_unavailable',
  'server_busy',
  'sekoia_rate_limited',
  'sekoia_unavailable',
  'delivery_failed',
  'access_lookup_failed',
]);

export class BotError extends Error {
  readonly code: BotErrorCode;
  readonly details: Record<string, unknown>;
  readonly retryAfterMs: number | undefined;
  readonly retryable: boolean;
  readonly nothingDone: boolean;

  constructor(code: BotErrorCode, options: BotErrorOptions = {}) {
    super(options.message ?? code, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'BotError';
    this.code = code;
    this.details = options.details ?? {};
    this.retryAfterMs = options.retryAfterMs;
    this.retryable = options.retryable ?? RETRYABLE_BY_DEFAULT.has(code);
    this.nothingDone = options.nothingDone ?? false;
  }
}

/** An error's own message (a BotError's never holds a secret), or the thrown value as text. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function isBotError(value: unknown, code?: BotErrorCode): value is BotError {
  return value instanceof BotError && (code === undefined || value.code === code);
}

/** The HTTP status an error maps to when it reaches a route; unknown errors are 500. */
export function httpStatusOf(error: unknown): number {
  return isBotError(error) ? (HTTP_STATUS[error.code] ?? 500) : 500;
}
