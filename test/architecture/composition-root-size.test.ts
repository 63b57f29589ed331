import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPOSITION_FOLDER } from './folder-import-graph.ts';

const SRC = join(import.meta.dirname, '..', '..', 'src');

/** Each part of the wiring is read in one screen; a part that grows past it holds two concerns. */
const MAX_LINES = 80;

describe('composition root size (issue 11: the wiring is split into readable parts)', () => {
  const parts = readdirSync(join(SRC, COMPOSITION_FOLDER)).map((name) => `${COMPOSITION_FOLDER}${name}`);
  const files = ['app.ts', 'app-options.ts', ...parts];

  it(`keeps src/app.ts, its types and every file in src/${COMPOSITION_FOLDER} within ${MAX_LINES} lines`, () => {
    const lines = (path: string) => readFileSync(join(SRC, path), 'utf8').trimEnd().split('\n').length;
    const over = files.filter((path) => lines(path) > MAX_LINES).map((path) => `${path}: ${lines(path)}`);
    expect(over).toEqual([]);
  });

  it('splits the wiring into the parts the README names', () => {
    const names = [
      'stores',
      'sekoia',
      'actions',
      'scheduler',
      'status',
      'platforms',
      'delivery',
      'worker',
      'http',
    ];
    const missing = names.filter((name) => !parts.includes(`${COMPOSITION_FOLDER}compose-${name}.ts`));
    expect(missing).toEqual([]);
  });
});
