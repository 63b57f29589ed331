import type { Clock } from '../clock.ts';
import { intakeSilenceJob } from '../delivery/watch-jobs.ts';
import type { Logger } from '../log.ts';
import { encodeJob } from '../queue/encode-job.ts';
import type { NewJob } from '../queue/job-queue.ts';
import type { Rule } from '../rules/rule.ts';
import type { IntakeSilence } from '../triggers/intake-silent/normalize-intake-silence.ts';
import type { IntakeSilenceLedger } from './intake-silence-ledger.ts';
import { intakeWindowMs } from './intake-window.ts';

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
  /** The silences in progress, shared with the WebHook path. */
  ledger: IntakeSilenceLedger;
  enqueue: (job: NewJob) => Promise<unknown>;
  clock: Clock;
  log: Logger;
  pause: (ms: number) => Promise<void>;
  pauseMs?: number;
}): () => Promise<{ checked: number; silent: number }> {
  const { clock, ledger } = options;
  return async () => {
    const windows = await watchedIntakes(options);
    let silent = 0;
    for (const [index, { intake, windowMs }] of windows.entries()) {
      if (index > 0) await options.pause(options.pauseMs ?? 1_000);
      const now = clock.now();
      const count = await options.source.countEvents(intake.uuid, now - windowMs, now);
      const openSince = await ledger.openSince(intake.uuid);
      if (count === 0) {
        silent += 1;
        const silentSince = openSince ?? now - windowMs;
        await emit(options, { intake, silentSince, silentForMs: now - silentSince, backAt: undefined }, now);
        if (openSince === undefined) await ledger.open(intake.uuid, silentSince);
      } else if (openSince !== undefined) {
        await emit(
          options,
          { intake, silentSince: openSince, silentForMs: now - openSince, backAt: now },
          now,
        );
        await ledger.close(intake.uuid);
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
  await options.enqueue(encodeJob(intakeSilenceJob, silence, { dedupeKeys: [key] }));
}

/** Intake → the shortest `for` among the rules that watch it; intakes no rule watches are left out. */
async function watchedIntakes(options: {
  source: IntakeEventsSource;
  rules: { listAll(): Promise<Rule[]> };
}) {
  const rules = (await options.rules.listAll()).filter((rule) => rule.trigger === 'intake-silent');
  if (rules.length === 0) return [];
  const intakes = await options.source.listIntakes();
  return intakes.flatMap((intake) => {
    const windowMs = intakeWindowMs(rules, intake);
    return windowMs === undefined ? [] : [{ intake, windowMs }];
  });
}
