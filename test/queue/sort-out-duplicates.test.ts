import { describe, expect, it } from 'vitest';
import { sortOutDuplicates } from '../../src/queue/sort-out-duplicates.ts';

const job = (id: string, ...dedupeKeys: string[]) => ({ id, kind: 'event', dedupeKeys });

describe('sortOutDuplicates', () => {
  it('drops a job whose key an earlier job carried, remembered or in the same claim', () => {
    const sorted = sortOutDuplicates(
      [job('3', 'a'), job('4', 'b', 'c'), job('5', 'c'), job('6')],
      new Map([['a', '1']]),
    );
    expect(sorted.fresh.map((j) => j.id)).toEqual(['4', '6']);
    expect(sorted.duplicates.map(({ job, duplicateOf }) => [job.id, duplicateOf])).toEqual([
      ['3', '1'],
      ['5', '4'],
    ]);
    expect(sorted.carried).toEqual([
      { key: 'b', jobId: '4' },
      { key: 'c', jobId: '4' },
    ]);
  });

  it('lets a duplicate leave no key behind, and a retried job keep its own keys', () => {
    const sorted = sortOutDuplicates(
      [job('2', 'x', 'b'), job('3', 'x'), job('1', 'a', 'a')],
      new Map([
        ['b', '9'],
        ['a', '1'],
      ]),
    );
    expect(sorted.fresh.map((j) => j.id)).toEqual(['3', '1']);
    expect(sorted.carried).toEqual([
      { key: 'x', jobId: '3' },
      { key: 'a', jobId: '1' },
    ]);
  });
});
