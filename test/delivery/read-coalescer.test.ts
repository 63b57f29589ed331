import { describe, expect, it } from 'vitest';
import { createReadCoalescer } from '../../src/delivery/create-read-coalescer.ts';

/** A load the test answers by hand, to finish reads in another order than they started. */
function pendingLoad<T>() {
  let answer: (value: T) => void = () => undefined;
  const promise = new Promise<T>((resolve) => {
    answer = resolve;
  });
  return { load: () => promise, answer };
}

describe('createReadCoalescer', () => {
  it('dates a read from its start: a slow read started first is older than a quick one started after it', async () => {
    let now = 1_000;
    const reads = createReadCoalescer<string>({ now: () => now });
    const slow = pendingLoad<string>();
    const first = reads.read('alert-1', 900, slow.load);
    now = 1_100;
    // A notification that came after the first read started: it needs a read of its own.
    const second = reads.read('alert-1', 1_050, async () => 'acknowledged');
    now = 1_200;
    expect(await second).toEqual({ value: 'acknowledged', observedAt: 1_100 });
    now = 1_500;
    slow.answer('pending');
    expect(await first).toEqual({ value: 'pending', observedAt: 1_000 });
  });

  it('shares a read started after a notification arrived, not one started before', async () => {
    let now = 1_000;
    const reads = createReadCoalescer<string>({ now: () => now });
    const started = reads.read('alert-1', 900, async () => 'one');
    now = 1_100;
    expect(reads.read('alert-1', 950, async () => 'two')).toBe(started);
    expect(await reads.read('alert-1', 1_000, async () => 'three')).toEqual({
      value: 'three',
      observedAt: 1_100,
    });
    expect(reads.lastStartedAt('alert-1')).toBe(1_100);
  });
});
