import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const HEADER =
  '# Benchmarks\n\nFigures written by the scripts in `bench/`; each section is replaced by its own script.\n';

/** Replaces (or appends) the section `name` of BENCHMARKS.md, leaving the others as they are. */
export function writeBenchmarkSection(file: string, name: string, markdown: string): void {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : HEADER;
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next =
    from >= 0 && to > from
      ? `${current.slice(0, from)}${block}${current.slice(to + end.length)}`
      : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}
