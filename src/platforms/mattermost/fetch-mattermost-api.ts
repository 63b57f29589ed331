import type { DoctorContext } from '../../doctor/doctor-check.ts';

/** What `npm run doctor` got from one `GET /api/v4/…` with the bot token. */
export type ApiReply =
  /** Mattermost answered (a 2xx with JSON, or its JSON error with an `id`, reference §6.6). */
  | { kind: 'answer'; status: number; body: unknown; errorId: string }
  /** No HTTP answer: refused, unknown host, TLS, or the doctor's deadline. */
  | { kind: 'unreachable'; reason: string }
  /** An HTTP answer that is not Mattermost's API (an HTML page, a proxy's 404). */
  | { kind: 'foreign'; status: number; contentType: string };

/** `MATTERMOST_URL` without trailing `/`: the base every API path is put under. */
export function mattermostBase(context: DoctorContext): string {
  return (context.config.MATTERMOST_URL ?? '').replace(/\/+$/, '');
}

/** The deepest `code` of a fetch error's cause chain (`TypeError('fetch failed', { cause })`). */
function describeNetworkError(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return 'no answer before the deadline';
  let current: unknown = error;
  let reason = 'the connection failed';
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const { code } = current as { code?: unknown };
    if (typeof code === 'string') reason = code.slice(0, 40);
    current = (current as { cause?: unknown }).cause;
  }
  return reason;
}

/** The `id` of Mattermost's error JSON (reference §6.6), bounded; `''` when there is none. */
function errorIdOf(body: unknown): string {
  const id = typeof body === 'object' && body !== null ? (body as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id.slice(0, 80) : '';
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    // Not JSON although labelled so: the caller treats it as not Mattermost.
    return undefined;
  }
}

/** `GET <MATTERMOST_URL>/api/v4/<path>` as the bot, through the doctor's fetch (its deadline applies). */
export async function fetchMattermostApi(context: DoctorContext, path: string): Promise<ApiReply> {
  let response: Response;
  try {
    response = await context.fetch(`${mattermostBase(context)}/api/v4/${path}`, {
      headers: {
        Authorization: `Bearer ${context.config.MATTERMOST_BOT_TOKEN ?? ''}`,
        Accept: 'application/json',
      },
    });
  } catch (error) {
    return { kind: 'unreachable', reason: describeNetworkError(error) };
  }
  // Mattermost's limiter answers in plain text (reference §6.7), before any handler.
  if (response.status === 429) {
    await response.body?.cancel();
    return { kind: 'answer', status: 429, body: undefined, errorId: 'rate limited' };
  }
  const contentType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
  const foreign = { kind: 'foreign', status: response.status, contentType } as const;
  if (contentType !== 'application/json') {
    await response.body?.cancel();
    return foreign;
  }
  const body = await readJson(response);
  if (body === undefined) return foreign;
  if (response.ok) return { kind: 'answer', status: response.status, body, errorId: '' };
  // A Mattermost error always names itself (`api.context.…`); a bare JSON 404 is some other server.
  const errorId = errorIdOf(body);
  return errorId === '' ? foreign : { kind: 'answer', status: response.status, body, errorId };
}
