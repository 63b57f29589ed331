import { BotError } from '../errors.ts';

/** A mistake in what the user typed; `message` is shown to them as is. */
export function usageError(message: string, details: Record<string, unknown> = {}): BotError {
  return new BotError('command_usage', { message, details });
}

/** Quotes a user's word for a message, shortened so a message stays readable. */
export function quoted(text: string): string {
  const short = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return `"${short}"`;
}
