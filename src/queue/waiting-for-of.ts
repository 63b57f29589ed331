import { isBotError } from '../errors.ts';

/** The dependency Sekoia.io API, as a `waitingFor` tag. */
export const SEKOIA_DEPENDENCY = 'sekoia';

/** A chat platform (`mattermost`, `teams`) as a `waitingFor` tag. */
export function platformDependency(platform: string): string {
  return `platform:${platform}`;
}

/**
 * The dependency a failed job waits for, when the failure is an outage of one (5xx, unreachable,
 * timeout): that dependency's next success may bring the job forward. A 429 names none: it has
 * its own Retry-After, and waking the job early would only earn another 429.
 */
export function waitingForOf(error: unknown): string | undefined {
  if (!isBotError(error) || !error.retryable) return undefined;
  const { status, platform } = error.details;
  if (status === 429) return undefined;
  if (error.code === 'sekoia_unavailable') return SEKOIA_DEPENDENCY;
  if (error.code === 'delivery_failed' && typeof platform === 'string') return platformDependency(platform);
  return undefined;
}
