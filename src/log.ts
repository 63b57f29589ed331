import { createRequire } from 'node:module';
import { type DestinationStream, type Logger, type LoggerOptions, pino } from 'pino';
import type { LogFormat } from './log-format.ts';

export type { Logger } from 'pino';

/** Paths that may hold secrets anywhere in a log record; pino replaces them with "[redacted]". */
export const REDACTED_PATHS = [
  'apiKey',
  'token',
  'secret',
  'password',
  'authorization',
  // A linked identity's key as a form sends it (Mattermost dialog field, Teams card input).
  'api_key',
  '*.api_key',
  '*.apiKey',
  '*.token',
  '*.secret',
  '*.password',
  '*.authorization',
  'req.headers.authorization',
  'headers.authorization',
  'config.SEKOIA_API_KEY',
  'config.SEKOIA_WEBHOOK_SECRET',
  'config.MATTERMOST_BOT_TOKEN',
  'config.MATTERMOST_COMMAND_TOKENS',
  'config.MicrosoftAppPassword',
  'config.ACTION_SIGNING_KEY',
  'config.IDENTITY_ENCRYPTION_KEY',
];

export interface CreateLoggerOptions {
  level: string;
  /** `json` (the default) or readable lines; both carry the same, already redacted, record. */
  format?: LogFormat | undefined;
  /** Colours in `pretty` lines: only for a terminal. */
  colorize?: boolean;
  destination?: DestinationStream;
}

export function createLogger(options: CreateLoggerOptions): Logger {
  const pinoOptions: LoggerOptions = {
    level: options.level,
    base: { service: 'sekoia-chatops' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // The last word on every line, whatever field or message carries a URL (restify's own errors too).
    hooks: { streamWrite: redactHookPaths },
  };
  // Synchronous writes: the last lines before a crash are the ones an operator needs most.
  const destination = options.destination ?? pino.destination({ dest: 1, sync: true });
  return pino(
    pinoOptions,
    options.format === 'pretty' ? prettyDestination(destination, options.colorize === true) : destination,
  );
}

/**
 * Readable lines, prettified in the same thread and in order, from the JSON line pino has already
 * redacted (paths and `/hooks/`): no worker transport, nothing buffered to lose on exit.
 */
function prettyDestination(destination: DestinationStream, colorize: boolean): DestinationStream {
  // Loaded here, synchronously (it is CommonJS): a JSON log, as in production, never needs it.
  const { prettyFactory } = createRequire(import.meta.url)('pino-pretty') as typeof import('pino-pretty');
  const pretty = prettyFactory({
    colorize,
    translateTime: 'SYS:yyyy-mm-dd HH:MM:ss.l',
    ignore: 'pid,hostname,service',
  });
  return { write: (line: string) => destination.write(pretty(line)) };
}

/**
 * Anything under `/hooks/` may carry a credential: the WebHook secret is a path segment, and so is
 * the id of a Mattermost `response_url`. Case-insensitive, `%2F` too, up to the end of the URL
 * (a JSON escape such as `\"` does not end it early).
 */
const HOOK_PATH = /\/hooks(?:\/|%2f)(?:[^\s"\\]|\\.)*/gi;

export function redactHookPaths(text: string): string {
  return text.replace(HOOK_PATH, '/hooks/[redacted]');
}

/** Bounds attacker-controlled text before it reaches a log line. */
export function logSafe(value: unknown, max = 200): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  // Control characters would let a hostile value forge log lines in a text viewer.
  const clean = [...text].map((char) => (isControl(char) ? '?' : char)).join('');
  return clean.length > max ? `${clean.slice(0, max)}…(${clean.length} chars)` : clean;
}

function isControl(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f;
}
