import { logSafe, redactHookPaths } from '../log.ts';
import type { DeadJob } from './job-queue.ts';

/** One line of `npm run queue -- dead`: what an operator needs to decide, never the payload itself. */
export interface DeadJobSummary {
  id: string;
  kind: string;
  attempts: number;
  /** The first line of the last error, bounded. */
  reason: string;
  /** Since the job was created, coarse: `42 s`, `12 min`, `3 h`, `2 d`. */
  age: string;
  /** A few identifying fields (`type=alert action=created short_id=ALxyz`), never a whole payload. */
  payload: string;
}

/**
 * Fields shown from a payload, by their own name at any depth (allow-list: a field not named here
 * is never printed, so a key, token or message body cannot leak): a WebHook's event type, action
 * and alert ids, a card job's alert and channel, a rule's id.
 */
const SHOWN_FIELDS: ReadonlySet<string> = new Set([
  'type',
  'action',
  'uuid',
  'short_id',
  'shortId',
  'alertUuid',
  'alert_uuid',
  'platform',
  'team',
  'channel',
  'ruleId',
  'kind',
]);
/** Names that look like a credential are never shown, even if an allowed name is nested in them. */
const SECRET_NAME = /key|token|secret|passw|authori[sz]ation|signature|cookie|credential/i;
/** Only short plain values: a long or odd one is cut, one with spaces or quotes is not an id. */
const PLAIN_VALUE = /^[\w.:@/+-]+$/;
const MAX_VALUE = 40;
const MAX_FIELDS = 6;
const MAX_DEPTH = 4;
const MAX_REASON = 160;
/** A credential named in an error's text (`Bearer …`, `token=…`): the name stays, the value goes. */
const NAMED_SECRET = /\b(bearer|api[_-]?key|token|secret|password)(\s*[:=]\s*|\s+)[^\s,;&"']+/gi;

export function summarizeDeadJob(job: DeadJob, now: number): DeadJobSummary {
  return {
    id: job.id,
    kind: logSafe(job.kind, 60),
    attempts: job.attempts,
    reason: redactReason(job.lastError),
    age: formatAge(now - job.createdAt),
    payload: summarizePayload(job.payload),
  };
}

function redactReason(error: string): string {
  const line = (error.split('\n')[0] ?? '').trim().replace(NAMED_SECRET, '$1$2[redacted]');
  return logSafe(redactHookPaths(line), MAX_REASON) || '(none)';
}

export function formatAge(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1_000));
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3_600) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 2 * 86_400) return `${Math.floor(seconds / 3_600)} h`;
  return `${Math.floor(seconds / 86_400)} d`;
}

function summarizePayload(payload: string): string {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return `(not JSON, ${payload.length} chars)`;
  }
  const fields: string[] = [];
  collect(value, 0, fields);
  if (fields.length === 0) return `(${payload.length} chars)`;
  return redactHookPaths(fields.join(' '));
}

function collect(value: unknown, depth: number, fields: string[]): void {
  if (depth > MAX_DEPTH || typeof value !== 'object' || value === null || Array.isArray(value)) return;
  for (const [name, field] of Object.entries(value)) {
    if (fields.length >= MAX_FIELDS) return;
    if (SECRET_NAME.test(name)) continue;
    if (SHOWN_FIELDS.has(name) && (typeof field === 'string' || typeof field === 'number')) {
      const text = String(field);
      if (!PLAIN_VALUE.test(text)) continue;
      fields.push(`${name}=${text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text}`);
    } else collect(field, depth + 1, fields);
  }
}
