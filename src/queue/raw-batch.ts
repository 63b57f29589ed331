import type { RawJobContext } from './raw-job.ts';

/** One raw request of a batch: its id in the thread protocol, its bytes, what is known of it. */
export interface RawItem {
  id: number;
  bytes: Uint8Array;
  context: RawJobContext;
  now: number;
}

/**
 * The raw requests of one event-loop turn, as they cross to the queue's thread: every body in one
 * buffer, transferred (one transfer per turn, not per body), and each request's other fields in a
 * flat list of numbers and strings. Transferring a buffer and cloning an object cost a few
 * microseconds each, per body; copying a WebHook body into the batch costs a few nanoseconds
 * (BENCHMARKS.md, "Ingest: issue 17, second pass").
 */
export interface RawBatch {
  bytes: ArrayBuffer;
  /** Per request, in order: id, byte length, receivedAt, requestId, now. */
  fields: (number | string)[];
}

const FIELDS_PER_ITEM = 5;

/** Packs the turn's raw requests; the caller transfers `bytes`. */
export function packRawBatch(items: readonly RawItem[]): RawBatch {
  let size = 0;
  for (const item of items) size += item.bytes.byteLength;
  const bytes = new Uint8Array(size);
  const fields: (number | string)[] = [];
  let offset = 0;
  for (const { id, bytes: body, context, now } of items) {
    bytes.set(body, offset);
    offset += body.byteLength;
    fields.push(id, body.byteLength, context.receivedAt, context.requestId, now);
  }
  return { bytes: bytes.buffer, fields };
}

/** The requests of a batch, each body a view of the batch's buffer. Throws on a malformed batch. */
export function unpackRawBatch(batch: RawBatch): RawItem[] {
  const { bytes, fields } = batch;
  if (fields.length % FIELDS_PER_ITEM !== 0) throw new Error('a raw batch has a partial item');
  const items: RawItem[] = [];
  let offset = 0;
  for (let at = 0; at < fields.length; at += FIELDS_PER_ITEM) {
    const id = fields[at];
    const length = fields[at + 1];
    const receivedAt = fields[at + 2];
    const requestId = fields[at + 3];
    const now = fields[at + 4];
    if (
      typeof id !== 'number' ||
      typeof length !== 'number' ||
      typeof receivedAt !== 'number' ||
      typeof requestId !== 'string' ||
      typeof now !== 'number' ||
      offset + length > bytes.byteLength
    ) {
      throw new Error('a raw batch item is malformed');
    }
    items.push({ id, bytes: new Uint8Array(bytes, offset, length), context: { receivedAt, requestId }, now });
    offset += length;
  }
  if (offset !== bytes.byteLength) throw new Error('a raw batch has bytes no item claims');
  return items;
}

/** The ids a batch names, whatever else is wrong with it (to fail each of its requests). */
export function rawBatchIds(batch: RawBatch): number[] {
  return batch.fields.filter(
    (field, index) => index % FIELDS_PER_ITEM === 0 && typeof field === 'number',
  ) as number[];
}
