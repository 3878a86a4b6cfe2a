#!/usr/bin/env node
/**
 * Draws the add-in's icon (a blue rounded square with a white check mark) and writes
 * assets/icon-{16,32,64,80}.png. Our own artwork, no image libraries: shapes are sampled
 * 4×4 per pixel for smooth edges and the PNG is encoded by hand with zlib.
 *
 * Usage: node tools/make-icons.js [outDir]
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80];
const BLUE = [0x1f, 0x5f, 0xbf]; // a calm "finance" blue
const WHITE = [0xff, 0xff, 0xff];

/** CRC-32 as PNG chunks need it. */
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
/** RGBA pixels (width*height*4) to a PNG file. */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Inside a rounded square covering the unit square with a margin, corner radius r (unit coordinates). */
function inRoundedSquare(x, y, margin, r) {
  const lo = margin, hi = 1 - margin;
  if (x < lo || x > hi || y < lo || y > hi) return false;
  const cx = Math.min(Math.max(x, lo + r), hi - r);
  const cy = Math.min(Math.max(y, lo + r), hi - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}
/** Distance from point p to segment ab. */
function segDist(px, py, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
/** The check mark: two thick strokes with round joins. */
function inCheck(x, y, size) {
  const w = size <= 16 ? 0.085 : 0.07; // half stroke width; thicker when tiny so it survives
  return segDist(x, y, 0.26, 0.52, 0.43, 0.69) <= w || segDist(x, y, 0.43, 0.69, 0.75, 0.32) <= w;
}

function drawIcon(size) {
  const px = Buffer.alloc(size * size * 4);
  const S = 4; // samples per axis
  const margin = size <= 16 ? 0.02 : 0.04;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let bg = 0, fg = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const u = (x + (sx + 0.5) / S) / size, v = (y + (sy + 0.5) / S) / size;
          if (inRoundedSquare(u, v, margin, 0.2)) {
            bg++;
            if (inCheck(u, v, size)) fg++;
          }
        }
      }
      const n = S * S, i = (y * size + x) * 4;
      const a = bg / n;
      const f = bg ? fg / bg : 0; // share of the covered area that is white
      for (let c = 0; c < 3; c++) px[i + c] = Math.round(BLUE[c] * (1 - f) + WHITE[c] * f);
      px[i + 3] = Math.round(a * 255);
    }
  }
  return encodePng(size, size, px);
}

function main() {
  const outDir = path.resolve(process.argv[2] || path.join(__dirname, "..", "assets"));
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, drawIcon(size));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

if (require.main === module) main();
module.exports = { drawIcon, encodePng };
