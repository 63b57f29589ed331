import type { DoctorResult } from './run-doctor-checks.ts';

export interface DoctorVerdict {
  passed: number;
  failed: number;
  skipped: number;
  /** 0 only when no check failed (a skip does not fail the run); 1 otherwise. */
  exitCode: 0 | 1;
}

/** The counts of the summary line and the process's exit code. */
export function doctorVerdict(results: readonly DoctorResult[]): DoctorVerdict {
  const count = (state: DoctorResult['outcome']['state']) =>
    results.filter((result) => result.outcome.state === state).length;
  const failed = count('fail');
  return { passed: count('ok'), failed, skipped: count('skip'), exitCode: failed === 0 ? 0 : 1 };
}
