import type { Keyv } from 'keyv';
import type { Clock } from '../clock.ts';
import { INTAKE_SILENCE_JOB } from '../delivery/watch-jobs.ts';
import { isBotError } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { IntakeSilence } from '../normalize/normalize-intake-silence.ts';
import type { NewJob } from '../queue/job-queue.ts';
import { parseDuration } from '../rules/parse-duration.ts';
import type { Rule } from '../rules/rule.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface IntakeEventsSource {
  /** Every intake (uuid and name), to resolve the names rules use. */
  listIntakes(): Promise<{ uuid: string; name: string | undefined }[]>;
  /** How many events the intake received in [from, to] (a search job, reference sekoia-api §9). */
  countEvents(intakeUuid: string, fromMs: number, toMs: number): Promise<number>;
}

/**
 * For every intake that an `intake-silent` rule watches: one event count over the shortest `for`
 * of its rules. No event → an `intake-silence` event (the same silence each time, so its card is
 * edited as it lasts); events again after a silence → "events are back" for that silence. Intakes
 * are checked one after another with a pause between them (the API asks for < 5 requests/s).
 */
export function createIntakeSilenceCheck(options: {
  source: IntakeEventsSource;
  rules: { listAll(): Promise<Rule[]> };
  keyv: Keyv;
  enqueue: (job: NewJob) => Promise<unknown>;
  clock: Clock;
  log: Logger;
  pause: (ms: number) => Promise<void>;
  pauseMs?: number;
}): () => Promise<{ checked: number; silent: number }> {
  const { keyv, clock } = options;
  return async () => {
    const windows = await watchedIntakes(options);
    let silent = 0;
    for (const [index, { intake, windowMs }] of windows.entries()) {
      if (index > 0) await options.pause(options.pauseMs ?? 1_000);
      const now = clock.now();
      const count = await options.source.countEvents(intake.uuid, now - windowMs, now);
      const open = await keyv.get<{ silentSince: number }>(`open:${intake.uuid}`);
      if (count === 0) {
        silent += 1;
        const silentSince = open?.silentSince ?? now - windowMs;
        await emit(options, { intake, silentSince, silentForMs: now - silentSince, backAt: undefined }, now);
        if (open === undefined) await keyv.set(`open:${intake.uuid}`, { silentSince });
      } else if (open !== undefined) {
        await emit(
          options,
          { intake, silentSince: open.silentSince, silentForMs: now - open.silentSince, backAt: now },
          now,
        );
        await keyv.delete(`open:${intake.uuid}`);
      }
    }
    return { checked: windows.length, silent };
  };
}

async function emit(
  options: { enqueue: (job: NewJob) => Promise<unknown> },
  silence: IntakeSilence,
  now: number,
) {
  const key = `silence:${silence.intake.uuid}:${silence.silentSince}:${silence.backAt === undefined ? now : 'back'}`;
  await options.enqueue({ kind: INTAKE_SILENCE_JOB, payload: JSON.stringify(silence), dedupeKeys: [key] });
}

/** Intake → the shortest `for` among the rules that watch it (by UUID, or by name, case-insensitively). */
async function watchedIntakes(options: {
  source: IntakeEventsSource;
  rules: { listAll(): Promise<Rule[]> };
}) {
  const rules = (await options.rules.listAll()).filter((rule) => rule.trigger === 'intake-silent');
  if (rules.length === 0) return [];
  const intakes = await options.source.listIntakes();
  const windows = new Map<string, { intake: { uuid: string; name: string | undefined }; windowMs: number }>();
  for (const rule of rules) {
    const forMs = durationOf(rule);
    const refs =
      rule.conditions.find((c) => c.key === 'intake' && (c.op === '=' || c.op === '~'))?.values ?? [];
    for (const ref of refs) {
      const lower = ref.toLowerCase();
      const intake = intakes.find((i) =>
        UUID.test(ref) ? i.uuid.toLowerCase() === lower : i.name?.toLowerCase() === lower,
      );
      if (intake === undefined || forMs === undefined) continue;
      const known = windows.get(intake.uuid);
      if (known === undefined || forMs < known.windowMs)
        windows.set(intake.uuid, { intake, windowMs: forMs });
    }
  }
  return [...windows.values()];
}

function durationOf(rule: Rule): number | undefined {
  const text = rule.conditions.find((c) => c.key === 'for')?.values[0];
  if (text === undefined) return undefined;
  try {
    return parseDuration(text);
  } catch (error) {
    // A stored rule always holds a canonical duration; a hand-edited one is skipped, not fatal.
    return isBotError(error) ? undefined : undefined;
  }
}
