import { randomBytes } from 'node:crypto';
import { messageOf } from '../../errors.ts';
import { isLoopbackUrl } from '../../http/is-loopback-url.ts';
import type { CheckOutcome, DoctorCheck, DoctorContext } from '../doctor-check.ts';
import { serveHealthzNonce } from './serve-healthz-nonce.ts';

/**
 * `PUBLIC_URL` leads to this bot. While the bot is not running, the doctor stands in for it on PORT
 * with a one-time nonce on `/healthz` and reads it back through PUBLIC_URL: DNS, reverse proxy and
 * firewall all proven at once. While PORT is taken (the bot runs), it accepts the bot's `/healthz`
 * answer, which cannot prove which host answered.
 */
export function publicUrlCheck(): DoctorCheck {
  return {
    id: 'bot.public-url',
    group: 'Bot',
    title: 'PUBLIC_URL reachable from here',
    async run(context) {
      const { PORT } = context.config;
      if (PORT === 0) {
        return {
          state: 'skip',
          detail: 'PORT is 0 (a free port chosen at each start): the doctor cannot stand in for the bot',
          fix: 'Set PORT to the port the reverse proxy forwards to, then run the doctor again.',
        };
      }
      const nonce = randomBytes(16).toString('hex');
      const standIn = await serveHealthzNonce(PORT, nonce);
      try {
        const outcome = await readThrough(context, standIn === undefined ? undefined : nonce);
        return withLocalNote(outcome, context.config.PUBLIC_URL);
      } finally {
        await standIn?.close();
      }
    },
  };
}

/** `nonce` undefined: PORT is taken, the bot's own `/healthz` is expected. */
async function readThrough(context: DoctorContext, nonce: string | undefined): Promise<CheckOutcome> {
  const { PUBLIC_URL, PORT } = context.config;
  const url = `${PUBLIC_URL}/healthz`;
  let status: number;
  let body: unknown;
  try {
    const response = await context.fetch(url, { headers: { accept: 'application/json' } });
    status = response.status;
    body = await response.json().catch(() => undefined);
  } catch (error) {
    return {
      state: 'fail',
      detail: `${url} is not reachable from here: ${describeNetworkError(error)}`,
      fix: `Check the DNS name, the reverse proxy's route to this host's port ${PORT}, and the firewall; PUBLIC_URL is the address Sekoia.io and the chat services call the bot at.`,
    };
  }
  const answer = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const botShaped = status === 200 && answer.status === 'ok';
  if (nonce === undefined) {
    if (botShaped) {
      return {
        state: 'ok',
        detail: `${url} answers like the bot (PORT ${PORT} is in use here: the bot runs, so the doctor cannot prove the answer came from this host)`,
      };
    }
    return {
      state: 'fail',
      detail: `${url} answered HTTP ${status}, not the bot's /healthz (PORT ${PORT} is in use here)`,
      fix: `Make sure the program on port ${PORT} is the bot and that PUBLIC_URL's proxy forwards to it.`,
    };
  }
  if (status === 200 && answer.nonce === nonce)
    return { state: 'ok', detail: `${url} leads to this host's port ${PORT}` };
  return {
    state: 'fail',
    detail: `${url} answered HTTP ${status}${botShaped ? ' from another bot' : ''}, not this host's port ${PORT}: PUBLIC_URL leads elsewhere`,
    fix: `Point PUBLIC_URL (its DNS name or the reverse proxy's route) at this host's port ${PORT}, or run the doctor on the bot's own host.`,
  };
}

/** fetch's own message is "fetch failed": the reason (ECONNREFUSED, ENOTFOUND, a timeout) is in its cause. */
function describeNetworkError(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'no answer in time';
  const cause = error instanceof Error ? error.cause : undefined;
  const code = typeof cause === 'object' && cause !== null ? (cause as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : messageOf(error);
}

function withLocalNote(outcome: CheckOutcome, publicUrl: string): CheckOutcome {
  if (!isLoopbackUrl(publicUrl) || outcome.state !== 'ok') return outcome;
  return {
    ...outcome,
    detail: `${outcome.detail}; ${publicUrl} is fine for a local try, but Sekoia.io and Microsoft Teams cannot reach localhost (set PUBLIC_URL to the bot's public https:// address)`,
  };
}
