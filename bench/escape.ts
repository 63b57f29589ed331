/**
 * `npm run bench:escape`: what escaping a huge alert field costs, per platform escaper and per whole
 * card render, against the step as it was before (collapse the whole text to one line, then cut it),
 * in the same run. Inputs are one megabyte each.
 */
import { cpus } from 'node:os';
import { join } from 'node:path';
import * as mattermost from '../src/platforms/mattermost/escape-markdown.ts';
import { renderAlertPost } from '../src/platforms/mattermost/render-alert-post.ts';
import { toOneLine } from '../src/platforms/shared/to-one-line.ts';
import { truncate } from '../src/platforms/shared/truncate.ts';
import * as teams from '../src/platforms/teams/escape-teams-markdown.ts';
import { renderAlertCard } from '../src/platforms/teams/render-alert-card.ts';
import { alertCard } from '../test/fixtures/alert-card.ts';
import { writeBenchmarkSection } from './write-benchmark-section.ts';

const MB = 1_000_000;
const RUNS = 21;

const INPUTS: Readonly<Record<string, string>> = {
  'one word, 1 MB': 'x'.repeat(MB),
  'prose, 1 MB': 'word '.repeat(MB / 5),
  'a space run, 1 MB': `x${' '.repeat(MB)}y`,
  'blank lines, 1 MB': `x${'\n'.repeat(MB)}y`,
};

const huge = (text: string) => alertCard({ title: text, entity: text, rule: text, alertType: text });

const SUBJECTS: Readonly<Record<string, (text: string) => unknown>> = {
  'collapse whole, then cut (as before)': (text) => truncate(toOneLine(text), 250),
  'Mattermost escapeInline': (text) => mattermost.escapeInline(text, 250),
  'Mattermost escapeBlock': (text) => mattermost.escapeBlock(text, 4_000),
  'Teams escapeInline': (text) => teams.escapeInline(text, 250),
  'Teams escapeBlock': (text) => teams.escapeBlock(text, 4_000),
  'Mattermost card (title, entity, rule, type)': (text) =>
    renderAlertPost({ card: huge(text), actionUrl: 'http://bot.invalid/actions', actions: [] }),
  'Teams card (title, entity, rule, type)': (text) => renderAlertCard({ card: huge(text), actions: [] }),
};

/** Median milliseconds of one call, after warm-up. */
function measure(run: () => unknown): number {
  for (let i = 0; i < 3; i++) run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(RUNS / 2)] ?? 0;
}

function main(): void {
  // Flattened once, before any clock starts: the first read of a string built by `repeat` copies it.
  for (const text of Object.values(INPUTS)) text.charCodeAt(text.length - 1);
  const names = Object.keys(INPUTS);
  const rows = Object.entries(SUBJECTS).map(([subject, run]) => {
    const cells = names.map((name) => measure(() => run(INPUTS[name] ?? '')).toFixed(2));
    return `| ${subject} | ${cells.join(' | ')} |`;
  });
  const markdown = `## Escaping: \`npm run bench:escape\`

${new Date().toISOString().slice(0, 10)}, Node ${process.versions.node}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}. Median milliseconds per call over ${RUNS} calls after 3 for warm-up. The first row is the first step of the escapers as it was before they cut first: the whole text collapsed to one line, then cut to 250 runes. Now every escaper reads at most 8 UTF-16 units per rune it can show (\`src/platforms/shared/cut-input.ts\`), whatever the input's size.

| escaper | ${names.join(' | ')} |
|---|${names.map(() => '---').join('|')}|
${rows.join('\n')}`;
  writeBenchmarkSection(join(import.meta.dirname, '..', 'BENCHMARKS.md'), 'escape', markdown);
  process.stdout.write(`${markdown}\n`);
}

main();
