import type { Clock } from '../../clock.ts';
import { BotError } from '../../errors.ts';
import type { Logger } from '../../log.ts';
import type { SekoiaRequest } from '../../sekoia/attempt-sekoia-request.ts';
import { sekoiaPath } from '../../sekoia/build-sekoia-url.ts';
import type { SekoiaPaceOptions } from '../../sekoia/create-sekoia-pacer.ts';
import { createSekoiaTransport, type SendSekoiaRequest } from '../../sekoia/send-sekoia-request.ts';
import type { DoctorContext } from '../doctor-check.ts';

/** A probe's answer: 2xx, or the coded error the client would have thrown (its status in details). */
export type ProbeAnswer = { ok: true } | { ok: false; error: BotError };

export interface DoctorSekoiaOptions {
  log: Logger;
  clock?: Clock;
  /** The client's pace (5 requests/s, a pause after repeated errors); tests shorten the pause. */
  pace?: SekoiaPaceOptions;
}

/** The Sekoia.io client's transport, as the doctor's Sekoia.io checks share it during one run. */
export interface DoctorSekoia {
  send(context: DoctorContext, request: SekoiaRequest): Promise<ProbeAnswer>;
  /** `GET /v1/me` with the bot's key, asked once per run: the key check and the probes read it. */
  me(context: DoctorContext): Promise<ProbeAnswer>;
}

interface RunState {
  send: SendSekoiaRequest;
  me?: Promise<ProbeAnswer>;
}

/**
 * The bot's own transport (URL building, headers, no redirects, key redaction, pacing, coded
 * errors), with the doctor's fetch and one retry only: a check should answer within seconds.
 */
export function createDoctorSekoia(options: DoctorSekoiaOptions): DoctorSekoia {
  const runs = new WeakMap<DoctorContext, RunState>();
  const stateOf = (context: DoctorContext): RunState => {
    let state = runs.get(context);
    if (state === undefined) {
      const { config } = context;
      state = {
        send: createSekoiaTransport({
          baseUrl: config.SEKOIA_API_URL,
          apiKey: config.SEKOIA_API_KEY,
          log: options.log,
          timeoutMs: 5_000,
          maxRetries: 1,
          maxRetryWaitMs: 5_000,
          fetch: (input, init) => context.fetch(String(input), init),
          ...(options.clock === undefined ? {} : { clock: options.clock }),
          ...(options.pace === undefined ? {} : { pace: options.pace }),
        }),
      };
      runs.set(context, state);
    }
    return state;
  };
  const send = async (context: DoctorContext, request: SekoiaRequest): Promise<ProbeAnswer> => {
    try {
      await stateOf(context).send({ priority: 'interactive', ...request });
      return { ok: true };
    } catch (error) {
      if (error instanceof BotError) return { ok: false, error };
      throw error;
    }
  };
  return {
    send,
    me(context) {
      const state = stateOf(context);
      state.me ??= send(context, { method: 'GET', path: sekoiaPath('v1', 'me') });
      return state.me;
    },
  };
}

/** The HTTP status of a refused probe, when there was one. */
export function statusOf(answer: ProbeAnswer): number | undefined {
  if (answer.ok) return undefined;
  const { status } = answer.error.details;
  return typeof status === 'number' ? status : undefined;
}
