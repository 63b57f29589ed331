import type { Clock } from '../../clock.ts';
import { createPlatformGate, type PlatformGate } from '../../delivery/create-platform-gate.ts';
import { createWindowLimiter, type WindowLimit } from '../../delivery/create-window-limiter.ts';

/** Per bot and conversation, sending or creating (reference teams.md §6.1). */
export const TEAMS_CONVERSATION_LIMITS: readonly WindowLimit[] = [
  { windowMs: 1_000, max: 7 },
  { windowMs: 2_000, max: 8 },
  { windowMs: 30_000, max: 60 },
  { windowMs: 3_600_000, max: 1_800 },
];

/** Per app and tenant, every call: 50 requests per second in the current docs (reference teams.md §6.1). */
export const TEAMS_APP_LIMITS: readonly WindowLimit[] = [{ windowMs: 1_000, max: 50 }];

/** How much longer each window is kept than documented, for the latency between our count and Teams'. */
export const TEAMS_WINDOW_SLACK_MS = 200;

/**
 * Teams sends no rate-limit headers, only 429s: the bot keeps to the documented limits, per
 * conversation (a channel and the threads of its cards count as one: the safe reading) and per app;
 * a 429 stops that conversation until its Retry-After.
 */
export function createTeamsGate(options: { clock: Clock }): PlatformGate {
  return createPlatformGate({
    clock: options.clock,
    platform: createWindowLimiter(TEAMS_APP_LIMITS, { slackMs: TEAMS_WINDOW_SLACK_MS }),
    scopeLimiter: () => createWindowLimiter(TEAMS_CONVERSATION_LIMITS, { slackMs: TEAMS_WINDOW_SLACK_MS }),
    refusalStops: 'scope',
  });
}

/** The conversation a request counts against: a channel thread `…;messageid=…` is its channel's. */
export function conversationScope(conversationId: string): string {
  return conversationId.split(';')[0] ?? conversationId;
}
