import type { CheckState } from './doctor-check.ts';
import { doctorVerdict } from './doctor-verdict.ts';
import type { DoctorResult } from './run-doctor-checks.ts';

export interface RenderOptions {
  /** ANSI colours: only when stdout is a terminal (a file or a pipe gets plain text). */
  color: boolean;
}

const MARKS: Readonly<Record<CheckState, string>> = { ok: '✓', fail: '✗', skip: '–' };
const COLORS: Readonly<Record<CheckState, string>> = { ok: '32', fail: '31', skip: '33' };

/**
 * The checklist as text: a heading per group, a line per check (mark, title, what was seen), an
 * indented `fix:` line under a failure or a skip that has one, and the summary line last.
 */
export function renderDoctorChecklist(results: readonly DoctorResult[], options: RenderOptions): string {
  const paint = (code: string, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const lines: string[] = [];
  let group: string | undefined;
  for (const { group: heading, title, outcome } of results) {
    if (heading !== group) {
      if (group !== undefined) lines.push('');
      lines.push(paint('1', heading));
      group = heading;
    }
    const mark = paint(COLORS[outcome.state], MARKS[outcome.state]);
    lines.push(`  ${mark} ${title}: ${oneLine(outcome.detail)}`);
    if (outcome.fix !== undefined && outcome.state !== 'ok') lines.push(`      fix: ${oneLine(outcome.fix)}`);
  }
  const { passed, failed, skipped } = doctorVerdict(results);
  const summary = `${passed} passed, ${failed} failed, ${skipped} skipped`;
  if (lines.length > 0) lines.push('');
  lines.push(failed > 0 ? paint(COLORS.fail, summary) : paint(COLORS.ok, summary));
  return `${lines.join('\n')}\n`;
}

/** A remote's text may hold line breaks or control characters: one line each, as the layout needs. */
function oneLine(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}
