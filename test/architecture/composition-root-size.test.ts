import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', '..', 'src');

/** Each part of the wiring is read in one screen; a part that grows past it holds two concerns. */
const MAX_LINES = 80;

describe('composition root size (issue 11: the wiring is split into readable parts)', () => {
  const files = ['app.ts', ...readdirSync(join(SRC, 'compose')).map((name) => `compose/${name}`)];

  it(`keeps src/app.ts and every file in src/compose/ within ${MAX_LINES} lines`, () => {
    const lines = (path: string) => readFileSync(join(SRC, path), 'utf8').trimEnd().split('\n').length;
    const over = files.filter((path) => lines(path) > MAX_LINES).map((path) => `${path}: ${lines(path)}`);
    expect(over).toEqual([]);
  });

  it('splits the wiring into the parts the README names', () => {
    const parts = [
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
    const missing = parts.filter((part) => !files.includes(`compose/compose-${part}.ts`));
    expect(missing).toEqual([]);
  });
});
