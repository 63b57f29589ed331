import type { z } from 'zod';
import { BotError } from '../errors.ts';

const MAX_ISSUES = 5;

/**
 * Validates a response body. The error lists where the body did not fit (paths and issue kinds), never
 * the values, which are alert content and so attacker-influenced.
 */
export function parseSekoiaResponse<Schema extends z.ZodType>(
  schema: Schema,
  body: unknown,
  what: string,
): z.output<Schema> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issues = result.error.issues
    .slice(0, MAX_ISSUES)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.code}`);
  throw new BotError('sekoia_invalid_response', {
    message: `Sekoia.io sent a ${what} the bot cannot read`,
    details: { what, issues, issueCount: result.error.issues.length },
    retryable: false,
  });
}
