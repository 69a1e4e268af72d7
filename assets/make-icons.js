// Draws the add-in's ribbon icons (16/32/64/80 px PNGs) with no dependencies: `node assets/make-icons.js`.
// A rounded teal square with a white tick over three "register rows"; anti-aliased by 4×4 supersampling.
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
/** Encodes RGBA pixels (Uint8Array, size×size×4) as a PNG. */
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
/** Colour at a point in the unit square: [r,g,b,a] or null for transparent. */
function shade(x, y) {
  const r = 0.18; // corner radius
  const cx = Math.min(Math.max(x, r), 1 - r), cy = Math.min(Math.max(y, r), 1 - r);
  if (Math.hypot(x - cx, y - cy) > r || x < 0 || y < 0 || x > 1 || y > 1) return null;
  const white = [255, 255, 255, 255];
  // Tick, lower right.
  if (distToSegment(x, y, 0.42, 0.66, 0.56, 0.8) < 0.075 || distToSegment(x, y, 0.56, 0.8, 0.84, 0.42) < 0.075) return white;
  // Three register rows, upper left.
  for (const ry of [0.24, 0.4, 0.56]) {
    const len = ry === 0.56 ? 0.3 : 0.62;
    if (distToSegment(x, y, 0.2, ry, 0.2 + len, ry) < 0.045) return [200, 236, 232, 255];
  }
  return [0, 107, 107, 255]; // teal, white-on-teal contrast 6.3:1
}
function draw(size) {
  const out = new Uint8Array(size * size * 4);
  const S = 4;
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < S; sy++)
        for (let sx = 0; sx < S; sx++) {
          const c = shade((px + (sx + 0.5) / S) / size, (py + (sy + 0.5) / S) / size);
          if (!c) continue;
          for (let i = 0; i < 3; i++) acc[i] += c[i] * (c[3] / 255);
          acc[3] += c[3];
        }
      const a = acc[3] / (S * S);
      const o = (py * size + px) * 4;
      if (a > 0) for (let i = 0; i < 3; i++) out[o + i] = Math.round((acc[i] / (acc[3] / 255)));
      out[o + 3] = Math.round(a);
    }
  return out;
}
for (const size of [16, 32, 64, 80]) {
  fs.writeFileSync(path.join(__dirname, `icon-${size}.png`), png(size, draw(size)));
}
console.log("icons written to", __dirname);
