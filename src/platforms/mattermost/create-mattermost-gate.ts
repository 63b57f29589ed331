import type { Clock } from '../../clock.ts';
import { MATTERMOST_RATE_DEFAULTS } from '../../config/config-schema.ts';
import { createGcraLimiter, type GcraLimit } from '../../delivery/create-gcra-limiter.ts';
import { createPlatformGate, type PlatformGate } from '../../delivery/create-platform-gate.ts';

/**
 * Mattermost limits per token (or per address) with GCRA, and is off by default (reference
 * mattermost.md §6.7). The bot keeps to the configured rate while the answers carry rate-limit
 * headers (so before the first answer too), refines it by `X-RateLimit-Remaining`, and on a 429
 * stops every request of the token until its Retry-After.
 */
export function createMattermostGate(options: { clock: Clock; limit?: GcraLimit | undefined }): PlatformGate {
  const limit = options.limit ?? MATTERMOST_RATE_DEFAULTS;
  const off = limit.perSec <= 0;
  return createPlatformGate({
    clock: options.clock,
    platform: createGcraLimiter(off ? MATTERMOST_RATE_DEFAULTS : limit),
    refusalStops: 'platform',
    pacing: off ? 'never' : 'while-headers',
  });
}
