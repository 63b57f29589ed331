import type { Clock } from '../../../src/clock.ts';

interface Window {
  windowMs: number;
  max: number;
}

/** Per bot and conversation, send or create (reference teams.md §6.1 [S5]). */
const PER_CONVERSATION: readonly Window[] = [
  { windowMs: 1_000, max: 7 },
  { windowMs: 2_000, max: 8 },
  { windowMs: 30_000, max: 60 },
  { windowMs: 3_600_000, max: 1_800 },
];

/** Per app and tenant, every call: 50 RPS in the current docs (reference teams.md §6.1). */
const PER_APP: readonly Window[] = [{ windowMs: 1_000, max: 50 }];

export interface ConnectorRequestStats {
  /** `/v3/…` requests received. */
  requests: number;
  /** Those that reached the service (answered, whatever the status). */
  served: number;
  /** 429s sent: by the limits and by `rateLimitNext`. */
  rateLimited: number;
}

/**
 * Teams' documented limits, off until enabled. Sends and creations count against their conversation
 * (a channel thread `…;messageid=…` against its channel: the strict reading), every call against the
 * app. Over a limit: 429 `TooManyRequests` with `Retry-After` in whole seconds until it would pass.
 */
export function createFakeConversationLimits(clock: Clock) {
  let enabled = false;
  const sent = new Map<string, number[]>();
  const stats: ConnectorRequestStats = { requests: 0, served: 0, rateLimited: 0 };

  const waitMs = (times: number[], windows: readonly Window[], now: number): number => {
    let wait = 0;
    for (const { windowMs, max } of windows) {
      const leaving = times[times.length - max];
      if (leaving !== undefined && leaving > now - windowMs) wait = Math.max(wait, leaving + windowMs - now);
    }
    return wait;
  };
  const record = (key: string, now: number) => {
    const times = (sent.get(key) ?? []).filter((at) => at > now - 3_600_000);
    times.push(now);
    sent.set(key, times);
  };

  return {
    stats,
    enable: () => {
      enabled = true;
      sent.clear();
    },
    disable: () => {
      enabled = false;
    },
    /** Seconds to wait when this request is over a limit (it is then not counted), else undefined. */
    check(conversation: string | undefined): number | undefined {
      if (!enabled) return undefined;
      const now = clock.now();
      const app = waitMs(sent.get('') ?? [], PER_APP, now);
      const own =
        conversation === undefined ? 0 : waitMs(sent.get(conversation) ?? [], PER_CONVERSATION, now);
      const wait = Math.max(app, own);
      if (wait > 0) return Math.max(1, Math.ceil(wait / 1_000));
      record('', now);
      if (conversation !== undefined) record(conversation, now);
      return undefined;
    },
  };
}

export type FakeConversationLimits = ReturnType<typeof createFakeConversationLimits>;

/** The conversation a send or a creation counts against; undefined for reads. */
export function limitedConversation(
  method: string,
  segments: readonly string[],
  body: unknown,
): string | undefined {
  if (method === 'POST' && segments.length === 2) {
    const channelData = (body as { channelData?: { channel?: { id?: unknown } } } | undefined)?.channelData;
    return typeof channelData?.channel?.id === 'string' ? channelData.channel.id : 'new-conversation';
  }
  const sending = (method === 'POST' || method === 'PUT') && segments[3] === 'activities';
  return sending ? (segments[2] ?? '').split(';')[0] : undefined;
}
