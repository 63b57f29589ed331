/**
 * Draws the Teams app icons into manifests/teams/: `color.png` (192×192, opaque) and `outline.png`
 * (32×32, white on transparent), as Teams asks (reference teams.md §7.2). A shield with a blocky
 * "S", drawn from a few shapes with 4×4 supersampling; PNGs written with node:zlib only.
 * Run `node scripts/make-teams-icons.ts` after changing the drawing and commit the two files.
 */

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

type Rgb = readonly [number, number, number];
/** A shape: is the point (x, y), in pixels of the icon, inside it? */
type Shape = (x: number, y: number) => boolean;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const NAVY: Rgb = [0x1b, 0x2a, 0x4a];
const TEAL: Rgb = [0x2b, 0xb3, 0xa3];
const WHITE: Rgb = [0xff, 0xff, 0xff];
const SAMPLES = 4;

/** Straight sides down to 45 % of the height, then a curve that ends in a point. */
function shield(box: Box): Shape {
  return (x, y) => {
    const v = (y - box.y) / box.height;
    if (v < 0 || v > 1) return false;
    const t = Math.max(0, (v - 0.45) / 0.55);
    const halfWidth = (box.width / 2) * (1 - t * t);
    return Math.abs(x - (box.x + box.width / 2)) <= halfWidth;
  };
}

function inset(box: Box, by: number): Box {
  return { x: box.x + by, y: box.y + by, width: box.width - 2 * by, height: box.height - 2 * by * 1.2 };
}

function rect(x: number, y: number, width: number, height: number): Shape {
  return (px, py) => px >= x && px < x + width && py >= y && py < y + height;
}

/** Three bars, two posts and two short hooks (without the hooks it reads as a "5"). */
function blockS(box: Box, stroke: number): Shape {
  const { x, y, width, height } = box;
  const middle = y + (height - stroke) / 2;
  const hook = stroke * 1.5;
  const parts = [
    rect(x, y, width, stroke),
    rect(x + width - stroke, y, stroke, hook),
    rect(x, y + height - hook, stroke, hook),
    rect(x, y, stroke, middle - y + stroke),
    rect(x, middle, width, stroke),
    rect(x + width - stroke, middle, stroke, y + height - middle),
    rect(x, y + height - stroke, width, stroke),
  ];
  return (px, py) => parts.some((part) => part(px, py));
}

const not =
  (shape: Shape, hole: Shape): Shape =>
  (x, y) =>
    shape(x, y) && !hole(x, y);

/** Share of the pixel's sample points inside the shape, 0–1. */
function coverage(shape: Shape, px: number, py: number): number {
  let inside = 0;
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      if (shape(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES)) inside++;
    }
  }
  return inside / SAMPLES ** 2;
}

const blend = (under: number, over: number, amount: number) =>
  Math.round(under * (1 - amount) + over * amount);
const mix = (under: Rgb, over: Rgb, amount: number): Rgb => [
  blend(under[0], over[0], amount),
  blend(under[1], over[1], amount),
  blend(under[2], over[2], amount),
];

function drawColor(size: number): Buffer {
  const box = { x: 48, y: 40, width: 96, height: 116 };
  const layers: [Shape, Rgb][] = [
    [shield(box), TEAL],
    [blockS({ x: 74, y: 62, width: 44, height: 56 }, 12), WHITE],
  ];
  const pixels = Buffer.alloc(size * size * 3);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let color = NAVY;
      for (const [shape, paint] of layers) color = mix(color, paint, coverage(shape, x, y));
      pixels.set(color, (y * size + x) * 3);
    }
  }
  return pixels;
}

function drawOutline(size: number): Buffer {
  const box = { x: 4, y: 2, width: 24, height: 28 };
  const shape: Shape = (x, y) =>
    not(shield(box), shield(inset(box, 2)))(x, y) || blockS({ x: 11, y: 7, width: 10, height: 12 }, 2)(x, y);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const alpha = Math.round(coverage(shape, x, y) * 255);
      // Fully transparent pixels are all zero; the others are pure white.
      if (alpha > 0) pixels.set([...WHITE, alpha], (y * size + x) * 4);
    }
  }
  return pixels;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** 8-bit PNG, colour type 2 (RGB) or 6 (RGBA), filter "none" on every row. */
function encodePng(size: number, channels: 3 | 4, pixels: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, channels === 4 ? 6 : 2, 0, 0, 0], 8);
  const stride = size * channels;
  const rows = Buffer.alloc(size * (stride + 1));
  for (let y = 0; y < size; y++) pixels.copy(rows, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const folder = join(import.meta.dirname, '..', 'manifests', 'teams');
writeFileSync(join(folder, 'color.png'), encodePng(192, 3, drawColor(192)));
writeFileSync(join(folder, 'outline.png'), encodePng(32, 4, drawOutline(32)));
process.stdout.write(`wrote color.png and outline.png in ${folder}\n`);
