/** An error's own message for a checklist line (a BotError's message never holds a secret). */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
