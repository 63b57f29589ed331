import { messageOf } from '../errors.ts';
import type { CheckOutcome, DoctorCheck, DoctorContext } from './doctor-check.ts';

/** One line of the checklist: which check, and what it found. */
export interface DoctorResult {
  id: string;
  group: string;
  title: string;
  outcome: CheckOutcome;
}

export interface RunDoctorOptions {
  /** The longest one check may take (its requests have their own, shorter deadline). */
  checkDeadlineMs: number;
}

/** Checks of one group together, groups in the order each first appears, checks in their order. */
export function orderByGroup(checks: readonly DoctorCheck[]): DoctorCheck[] {
  const groups = [...new Set(checks.map((check) => check.group))];
  return groups.flatMap((group) => checks.filter((check) => check.group === group));
}

/**
 * Runs the checks one after another (a later check may rely on an earlier one's answer, and the
 * services see one request at a time). A check that throws or outlives its deadline is a `fail`
 * carrying the reason: the doctor itself never crashes on a broken service.
 */
export async function runDoctorChecks(
  checks: readonly DoctorCheck[],
  context: DoctorContext,
  options: RunDoctorOptions,
): Promise<DoctorResult[]> {
  const results: DoctorResult[] = [];
  for (const check of orderByGroup(checks)) {
    const outcome = await runOne(check, context, options.checkDeadlineMs);
    results.push({ id: check.id, group: check.group, title: check.title, outcome });
  }
  return results;
}

async function runOne(check: DoctorCheck, context: DoctorContext, deadlineMs: number): Promise<CheckOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<CheckOutcome>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          state: 'fail',
          detail: `did not finish within ${Math.round(deadlineMs / 1_000)} s`,
          fix: 'Something on the way does not answer: check the address and the network, then run the doctor again.',
        }),
      deadlineMs,
    );
  });
  try {
    return await Promise.race([check.run(context), deadline]);
  } catch (error) {
    return {
      state: 'fail',
      detail: messageOf(error),
      fix: 'Fix what the message says; if it makes no sense, report it with this output.',
    };
  } finally {
    clearTimeout(timer);
  }
}
