import { describe, expect, it } from 'vitest';
import { packRawBatch, rawBatchIds, unpackRawBatch } from '../../src/queue/raw-batch.ts';

const item = (id: number, text: string) => ({
  id,
  bytes: Buffer.from(text),
  context: { receivedAt: 1_000 + id, requestId: `req-${id}` },
  now: 5_000 + id,
});
const textOf = (bytes: Uint8Array) => Buffer.from(bytes).toString();

describe('raw batches: the bodies of a turn in one buffer', () => {
  it('gives back each request with its own bytes and fields, in order', () => {
    const batch = packRawBatch([item(3, '{"a":1}'), item(4, ''), item(9, 'é€')]);
    expect(batch.bytes.byteLength).toBe(7 + 0 + Buffer.byteLength('é€'));
    const items = unpackRawBatch(batch);
    expect(items.map((i) => [i.id, textOf(i.bytes), i.context, i.now])).toEqual([
      [3, '{"a":1}', { receivedAt: 1_003, requestId: 'req-3' }, 5_003],
      [4, '', { receivedAt: 1_004, requestId: 'req-4' }, 5_004],
      [9, 'é€', { receivedAt: 1_009, requestId: 'req-9' }, 5_009],
    ]);
    expect(rawBatchIds(batch)).toEqual([3, 4, 9]);
  });

  it('copies from a view of a larger buffer without touching the rest of it', () => {
    const whole = Buffer.from('xx{"b":2}yy');
    const batch = packRawBatch([{ ...item(1, ''), bytes: whole.subarray(2, 9) }]);
    expect(textOf(unpackRawBatch(batch)[0]?.bytes ?? new Uint8Array())).toBe('{"b":2}');
    expect(whole.toString()).toBe('xx{"b":2}yy');
  });

  it('refuses a batch whose fields or bytes do not add up', () => {
    const batch = packRawBatch([item(1, 'abc')]);
    expect(() => unpackRawBatch({ ...batch, fields: batch.fields.slice(0, 4) })).toThrow(/partial item/);
    expect(() => unpackRawBatch({ ...batch, fields: [1, 4, 0, 'r', 0] })).toThrow(/malformed/);
    expect(() => unpackRawBatch({ ...batch, fields: [1, 2, 0, 'r', 0] })).toThrow(/no item claims/);
    expect(() => unpackRawBatch({ ...batch, fields: ['1', 3, 0, 'r', 0] })).toThrow(/malformed/);
    expect(rawBatchIds({ ...batch, fields: ['x', 3, 0, 'r', 0, 7, 0, 0, 'r', 0] })).toEqual([7]);
  });
});
