import type { z } from 'zod';
import type { JobType } from './job-type.ts';

/** Where and how a payload fails its schema; never the value found there. */
export interface PayloadIssue {
  path: string;
  code: string;
  expected?: string;
}

export type PayloadReading<P> =
  | { ok: true; payload: P }
  | { ok: false; reason: string; issues: PayloadIssue[] };

const MAX_ISSUES = 5;

/** Parses a job's JSON payload and checks it against its type's schema. Never throws. */
export function readJobPayload<P>(type: JobType<P>, text: string): PayloadReading<P> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // The SyntaxError quotes the text around the fault: not for the log nor the dead-letter list.
    return { ok: false, reason: `${type.kind} payload is not JSON`, issues: [] };
  }
  const parsed = type.payload.safeParse(value);
  if (parsed.success) return { ok: true, payload: parsed.data };
  const issues = parsed.error.issues.slice(0, MAX_ISSUES).map(describeIssue);
  const listed = issues.map((i) => `${i.path} ${i.code}${i.expected ? ` (expected ${i.expected})` : ''}`);
  return { ok: false, reason: `${type.kind} payload invalid: ${listed.join('; ')}`, issues };
}

/** Zod's messages may quote the value (a custom refinement could): only the path and the code are kept. */
function describeIssue(issue: z.core.$ZodIssue): PayloadIssue {
  const path = issue.path.map((segment) => String(segment).slice(0, 60)).join('.') || '(payload)';
  return issue.code === 'invalid_type'
    ? { path, code: issue.code, expected: issue.expected }
    : { path, code: issue.code };
}
