import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import type { CheckOutcome, DoctorCheck, DoctorContext } from '../../src/doctor/doctor-check.ts';
import { doctorVerdict } from '../../src/doctor/doctor-verdict.ts';
import { runDoctorChecks } from '../../src/doctor/run-doctor-checks.ts';

const context: DoctorContext = {
  config: loadConfig({}),
  fetch: (url, init) => fetch(url, init),
  ruleChannels: async () => [],
};

const check = (id: string, group: string, run: DoctorCheck['run']): DoctorCheck => ({
  id,
  group,
  title: id,
  run,
});
const answer = (outcome: CheckOutcome) => async () => outcome;

describe('runDoctorChecks', () => {
  it('runs the checks one group after another, each group in its first appearance order', async () => {
    const ran: string[] = [];
    const track = (id: string, group: string) =>
      check(id, group, async () => {
        ran.push(id);
        return { state: 'ok', detail: id };
      });
    const results = await runDoctorChecks(
      [track('a1', 'A'), track('b1', 'B'), track('a2', 'A'), track('c1', 'C'), track('b2', 'B')],
      context,
      { checkDeadlineMs: 1_000 },
    );
    expect(ran).toEqual(['a1', 'a2', 'b1', 'b2', 'c1']);
    expect(results.map((result) => `${result.group}/${result.id}`)).toEqual([
      'A/a1',
      'A/a2',
      'B/b1',
      'B/b2',
      'C/c1',
    ]);
  });

  it('turns a thrown error into a failure carrying its message, and goes on with the next check', async () => {
    const results = await runDoctorChecks(
      [
        check('boom', 'A', async () => {
          throw new Error('socket hang up');
        }),
        check('next', 'A', answer({ state: 'ok', detail: 'fine' })),
      ],
      context,
      { checkDeadlineMs: 1_000 },
    );
    expect(results[0]?.outcome).toMatchObject({ state: 'fail', detail: 'socket hang up' });
    expect(results[0]?.outcome.fix).toBeTruthy();
    expect(results[1]?.outcome.state).toBe('ok');
  });

  it('fails a check that outlives its deadline', async () => {
    const never = check('hang', 'A', () => new Promise<CheckOutcome>(() => {}));
    const [result] = await runDoctorChecks([never], context, { checkDeadlineMs: 50 });
    expect(result?.outcome.state).toBe('fail');
    expect(result?.outcome.detail).toMatch(/did not finish/);
  });
});

describe('doctorVerdict', () => {
  const result = (state: CheckOutcome['state']) => ({
    id: state,
    group: 'A',
    title: state,
    outcome: { state, detail: '' },
  });

  it('exits 0 when nothing failed, skips included', () => {
    expect(doctorVerdict([result('ok'), result('skip'), result('ok')])).toEqual({
      passed: 2,
      failed: 0,
      skipped: 1,
      exitCode: 0,
    });
  });

  it('exits 1 when one check failed', () => {
    expect(doctorVerdict([result('ok'), result('fail')]).exitCode).toBe(1);
  });
});
