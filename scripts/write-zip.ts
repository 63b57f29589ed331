import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** Path inside the archive, `/`-separated, ASCII. */
  name: string;
  data: Buffer;
}

/** 1980-01-01 00:00 in MS-DOS format: a fixed time keeps the archive byte-for-byte reproducible. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const VERSION = 20;
const DEFLATE = 8;

interface Written {
  name: Buffer;
  crc: number;
  compressed: Buffer;
  size: number;
  offset: number;
}

/** The fields local and central headers share, from "version needed" to "extra field length". */
function commonFields(entry: Written): Buffer {
  const fields = Buffer.alloc(26);
  fields.writeUInt16LE(VERSION, 0);
  fields.writeUInt16LE(0, 2);
  fields.writeUInt16LE(DEFLATE, 4);
  fields.writeUInt16LE(DOS_TIME, 6);
  fields.writeUInt16LE(DOS_DATE, 8);
  fields.writeUInt32LE(entry.crc, 10);
  fields.writeUInt32LE(entry.compressed.length, 14);
  fields.writeUInt32LE(entry.size, 18);
  fields.writeUInt16LE(entry.name.length, 22);
  fields.writeUInt16LE(0, 24);
  return fields;
}

function localHeader(entry: Written): Buffer {
  const signature = Buffer.alloc(4);
  signature.writeUInt32LE(0x04034b50);
  return Buffer.concat([signature, commonFields(entry), entry.name]);
}

function centralHeader(entry: Written): Buffer {
  const start = Buffer.alloc(6);
  start.writeUInt32LE(0x02014b50, 0);
  start.writeUInt16LE(VERSION, 4);
  // Comment length, disk number, internal and external attributes, then the local header's offset.
  const end = Buffer.alloc(14);
  end.writeUInt32LE(entry.offset, 10);
  return Buffer.concat([start, commonFields(entry), end, entry.name]);
}

function endOfCentralDirectory(count: number, size: number, offset: number): Buffer {
  const record = Buffer.alloc(22);
  record.writeUInt32LE(0x06054b50, 0);
  record.writeUInt16LE(count, 8);
  record.writeUInt16LE(count, 10);
  record.writeUInt32LE(size, 12);
  record.writeUInt32LE(offset, 16);
  return record;
}

/** A plain (no ZIP64, no encryption) deflated archive of the given files, in the given order. */
export function writeZip(entries: readonly ZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const written: Written[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const entry = {
      name: Buffer.from(name, 'ascii'),
      crc: crc32(data),
      compressed: deflateRawSync(data, { level: 9 }),
      size: data.length,
      offset,
    };
    const header = localHeader(entry);
    parts.push(header, entry.compressed);
    written.push(entry);
    offset += header.length + entry.compressed.length;
  }
  const directory = Buffer.concat(written.map(centralHeader));
  return Buffer.concat([
    ...parts,
    directory,
    endOfCentralDirectory(written.length, directory.length, offset),
  ]);
}
