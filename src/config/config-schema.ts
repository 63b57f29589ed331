import { validateDetailed } from 'node-cron';
import { z } from 'zod';
import { BotError } from '../errors.ts';
import { parseIdentityKey } from '../identity/parse-identity-key.ts';
import { LOG_FORMATS } from '../log-format.ts';
import { DEFAULT_LEASE_MS, QUEUE_LEASE_LIMITS_S } from '../queue/job-lease.ts';
import { parseDuration } from '../rules/parse-duration.ts';
import { STORM_BUDGET_LIMITS, STORM_WINDOW_LIMITS } from '../rules/storm-limits.ts';
import { DEFAULT_SCHEDULES } from '../scheduler/scheduled-jobs.ts';
import { SEKOIA_REQUESTS_PER_SECOND } from '../sekoia/create-sekoia-pacer.ts';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const httpUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
  .transform((value) => value.replace(/\/+$/, ''));

/** A secret that ends up in a URL path or an HMAC key: long enough to be unguessable, URL-safe. */
const secretText = z
  .string()
  .regex(/^[A-Za-z0-9_-]{24,256}$/, 'must be 24 to 256 characters of A-Z a-z 0-9 _ -');

/**
 * A node-cron expression (5 fields, or 6 with seconds first), checked with node-cron's own validator;
 * unset or empty takes the default. Not a secret: the problem quotes it.
 */
const cronExpression = (fallback: string) =>
  optionalText
    .transform((value) => value ?? fallback)
    .superRefine((value, ctx) => {
      const { valid, errors } = validateDetailed(value);
      if (valid) return;
      const why = errors.map((error) => error.message).join('; ') || 'not a cron expression';
      ctx.addIssue({
        code: 'custom',
        message: `"${value.slice(0, 100)}" is not a cron expression (${why}); use 5 fields, or 6 with seconds first, e.g. "${fallback}"`,
      });
    });

/** A duration as the commands write it (`5m`, `1h`), within `limits`; the problem is the command's message. */
const durationText = (fallback: string) =>
  optionalText
    .transform((value) => value ?? fallback)
    .transform((value, ctx) => {
      try {
        return parseDuration(value, STORM_WINDOW_LIMITS);
      } catch (error) {
        if (!(error instanceof BotError)) throw error;
        ctx.addIssue({ code: 'custom', message: error.message });
        return z.NEVER;
      }
    });

/**
 * The queue's SQLite file (relative to the working directory, or absolute). It holds every event
 * answered 202 until delivered, so it must be a file on a lasting disk: not ':memory:', not a URL.
 */
const queuePath = optionalText.superRefine((value, ctx) => {
  if (value === undefined) return;
  const problem = queuePathProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

function queuePathProblem(path: string): string | undefined {
  if (path === ':memory:') return 'must be a file: the queue keeps the events answered 202 across restarts';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path))
    return 'is a file path, not a URL (e.g. ./data/queue.sqlite or /var/lib/sekoia-chatops/queue.sqlite)';
  if (/[/\\]$/.test(path) || path.includes('\0')) return 'must name a file, e.g. ./data/queue.sqlite';
  return undefined;
}

const STORE_URL_PATTERN = /^(sqlite:\/\/.+|redis:\/\/.+|rediss:\/\/.+|postgres:\/\/.+|postgresql:\/\/.+)$/;

/**
 * Mattermost's own limiter defaults (`RateLimitSettings`: PerSec 10, MaxBurst 100, reference
 * mattermost.md §6.7): the bot keeps to them unless told the server's settings.
 */
export const MATTERMOST_RATE_DEFAULTS = { perSec: 10, burst: 100 } as const;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3978),
  PUBLIC_URL: httpUrl.optional(),
  SEKOIA_WEBHOOK_SECRET: secretText.optional(),
  SEKOIA_API_URL: httpUrl.default('https://api.sekoia.io'),
  SEKOIA_API_KEY: optionalText.pipe(z.string().max(256).optional()),
  SEKOIA_APP_URL: httpUrl.default('https://app.sekoia.io'),
  /** Requests per second to the Sekoia.io API, for the whole process (Sekoia.io FAQ: at most 5). */
  SEKOIA_API_RATE: z.coerce.number().int().min(1).max(100).default(SEKOIA_REQUESTS_PER_SECOND),
  MATTERMOST_URL: httpUrl.optional(),
  MATTERMOST_BOT_TOKEN: optionalText,
  MATTERMOST_COMMAND_TOKENS: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? '')
        .split(',')
        .map((token) => token.trim())
        .filter((token) => token !== ''),
    ),
  /** Requests per second the bot allows itself per Mattermost token (0: no pacing, 429s still pause it). */
  MATTERMOST_RATE_LIMIT: z.coerce.number().min(0).max(10_000).default(MATTERMOST_RATE_DEFAULTS.perSec),
  /** Requests above the rate at once from a full bucket (Mattermost's MaxBurst). */
  MATTERMOST_RATE_BURST: z.coerce.number().int().min(1).max(100_000).default(MATTERMOST_RATE_DEFAULTS.burst),
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MicrosoftAppTenantId: optionalText,
  STORE_URL: z
    .string()
    .regex(STORE_URL_PATTERN, 'must start with sqlite://, redis://, rediss://, postgres:// or postgresql://')
    .default('sqlite://./data/sekoia-chatops.sqlite'),
  /** The embedded queue's file with a Redis or PostgreSQL STORE_URL (on SQLite it shares the store's). */
  QUEUE_PATH: queuePath,
  /**
   * How long a claimed job stays with its replica without a heartbeat (renewed every third of it):
   * the longest a dead replica's jobs wait before another replica takes them.
   */
  QUEUE_LEASE_SECONDS: z.coerce
    .number()
    .int()
    .min(QUEUE_LEASE_LIMITS_S.min)
    .max(QUEUE_LEASE_LIMITS_S.max)
    .default(DEFAULT_LEASE_MS / 1_000),
  ACTION_SIGNING_KEY: secretText.optional(),
  /** Seals the users' linked Sekoia.io keys; linking is off without it. A secret: never quoted. */
  IDENTITY_ENCRYPTION_KEY: optionalText.refine((value) => value === undefined || parseIdentityKey(value), {
    message: 'must be 32 random bytes, base64 or 64 hex digits (openssl rand -base64 32)',
  }),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /** Unset: `pretty` on a terminal outside production, else `json` (src/log-format.ts). */
  LOG_FORMAT: optionalText.pipe(
    z.enum(LOG_FORMATS, { message: `must be one of ${LOG_FORMATS.join(', ')}` }).optional(),
  ),
  RULES_CATALOG_POLL_CRON: cronExpression(DEFAULT_SCHEDULES.rulesCatalogPoll),
  INTAKE_SILENCE_CHECK_CRON: cronExpression(DEFAULT_SCHEDULES.intakeSilenceCheck),
  /** Lists the alerts changed since the last catch-up, to post what a lost WebHook did not. */
  CATCH_UP_CRON: cronExpression(DEFAULT_SCHEDULES.catchUp),
  /** More new cards than this for one channel in one catch-up: one summary card there instead. */
  CATCH_UP_SUMMARY_OVER: z.coerce.number().int().min(1).max(1_000).default(20),
  /** New alert cards per channel per STORM_WINDOW before a roll-up card takes over (spec §3 "storm budget"). */
  STORM_BUDGET: z.coerce.number().int().min(STORM_BUDGET_LIMITS.min).max(STORM_BUDGET_LIMITS.max).default(20),
  /** The sliding window of the budget, in ms once read (`5m`, `1h`: 1 minute to 24 hours). */
  STORM_WINDOW: durationText('5m'),
  /** Alerts at or above this urgency always get their own card, storm or not. */
  STORM_OWN_CARD_URGENCY: z.enum(['low', 'medium', 'high']).default('high'),
});

/**
 * Rules across variables, checked on the raw environment so that they are reported together with
 * every other problem (a refinement would only run once each variable is valid).
 */
export function crossVariableProblems(env: Readonly<Record<string, string | undefined>>): string[] {
  const set = (name: string) => (env[name] ?? '').trim() !== '';
  const problems: string[] = [];
  if (set('MATTERMOST_URL') !== set('MATTERMOST_BOT_TOKEN')) {
    const missing = set('MATTERMOST_URL') ? 'MATTERMOST_BOT_TOKEN' : 'MATTERMOST_URL';
    problems.push(`${missing}: MATTERMOST_URL and MATTERMOST_BOT_TOKEN must be set together`);
  }
  const appType = env.MicrosoftAppType ?? 'MultiTenant';
  if (set('MicrosoftAppId') && !set('MicrosoftAppPassword') && appType !== 'UserAssignedMSI') {
    problems.push('MicrosoftAppPassword: required with MicrosoftAppId');
  }
  if (appType === 'SingleTenant' && set('MicrosoftAppId') && !set('MicrosoftAppTenantId')) {
    problems.push('MicrosoftAppTenantId: required for SingleTenant');
  }
  // botbuilder's credential factory asserts these three for a managed identity and would throw at
  // start (botbuilder-core 4.23 configurationServiceClientCredentialFactory.js).
  if (appType === 'UserAssignedMSI') {
    if (!set('MicrosoftAppId'))
      problems.push("MicrosoftAppId: required for UserAssignedMSI (the identity's client ID)");
    if (!set('MicrosoftAppTenantId')) problems.push('MicrosoftAppTenantId: required for UserAssignedMSI');
    if (set('MicrosoftAppPassword')) {
      problems.push(
        'MicrosoftAppPassword: must not be set for UserAssignedMSI (the managed identity has no secret)',
      );
    }
  }
  if (set('QUEUE_PATH') && !/^(redis|rediss):\/\//i.test((env.STORE_URL ?? '').trim())) {
    problems.push(
      "QUEUE_PATH: only used with a redis:// STORE_URL; on SQLite the queue lives in the store's file, on PostgreSQL in its database",
    );
  }
  return problems;
}

export type RawConfig = z.infer<typeof configSchema>;
