import { describe, expect, it } from 'vitest';
import { renderDoctorChecklist } from '../../src/doctor/render-doctor-checklist.ts';
import { renderDoctorJson } from '../../src/doctor/render-doctor-json.ts';
import type { DoctorResult } from '../../src/doctor/run-doctor-checks.ts';

const RESULTS: DoctorResult[] = [
  { id: 'store', group: 'Bot', title: 'Store', outcome: { state: 'ok', detail: 'answers' } },
  {
    id: 'url',
    group: 'Bot',
    title: 'PUBLIC_URL',
    outcome: { state: 'fail', detail: 'not reachable\nfrom here', fix: 'Check the DNS name.' },
  },
  {
    id: 'assets',
    group: 'Sekoia.io',
    title: 'Read assets',
    outcome: { state: 'skip', detail: 'missing', fix: 'Add the permission.' },
  },
];

describe('renderDoctorChecklist', () => {
  it('prints a heading per group, a marked line per check, a fix under a failure or skip, and the summary', () => {
    expect(renderDoctorChecklist(RESULTS, { color: false })).toBe(
      [
        'Bot',
        '  ✓ Store: answers',
        '  ✗ PUBLIC_URL: not reachable from here',
        '      fix: Check the DNS name.',
        '',
        'Sekoia.io',
        '  – Read assets: missing',
        '      fix: Add the permission.',
        '',
        '1 passed, 1 failed, 1 skipped',
        '',
      ].join('\n'),
    );
  });

  it('colours the marks only when asked (a terminal)', () => {
    expect(renderDoctorChecklist(RESULTS, { color: false })).not.toContain('\u001b[');
    const coloured = renderDoctorChecklist(RESULTS, { color: true });
    expect(coloured).toContain('\u001b[32m✓\u001b[0m');
    expect(coloured).toContain('\u001b[31m✗\u001b[0m');
  });
});

describe('renderDoctorJson', () => {
  it('gives the checks and the counts as one JSON document', () => {
    const parsed = JSON.parse(renderDoctorJson(RESULTS));
    expect(parsed).toMatchObject({ ok: false, passed: 1, failed: 1, skipped: 1 });
    expect(parsed.checks[1]).toEqual({
      id: 'url',
      group: 'Bot',
      title: 'PUBLIC_URL',
      state: 'fail',
      detail: 'not reachable\nfrom here',
      fix: 'Check the DNS name.',
    });
  });
});
