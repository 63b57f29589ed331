import { doctorVerdict } from './doctor-verdict.ts';
import type { DoctorResult } from './run-doctor-checks.ts';

/** `npm run doctor -- --json`: the same checklist for automation, one JSON document. */
export function renderDoctorJson(results: readonly DoctorResult[]): string {
  const { passed, failed, skipped, exitCode } = doctorVerdict(results);
  const checks = results.map(({ id, group, title, outcome }) => ({ id, group, title, ...outcome }));
  return `${JSON.stringify({ ok: exitCode === 0, passed, failed, skipped, checks }, null, 2)}\n`;
}
