// Renders every icon electron-builder needs from the two SVG sources in build/:
//   icon.svg          → icons/NxN.png (Linux), icon.png (1024), icon.ico (Windows), icon.icns (macOS)
//   document-icon.svg → document-icon.png, document-icon.ico, document-icon.icns (.touchmap files)
// The generated files are committed, so packaging needs no image tool; run this again after
// editing an SVG:  node build/make-icons.mjs
//
// Rasterising: Chromium (the one the e2e tests use, found by scripts/find-chromium.mjs) draws
// each size from the vector source, so small sizes are drawn small rather than scaled down.
// Without a Chromium it falls back to ImageMagick's `convert`. PNG, ICO and ICNS are written
// here in plain Node (zlib), no npm package needed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Linux wants a folder of NxN.png; these are the sizes desktop environments look for. */
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
/** Windows: the shell picks from these (256 for large tiles, 16–48 for lists and the taskbar). */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** macOS: each ICNS slot and its pixel size (the @2x slots reuse the doubled image). */
export const ICNS_SLOTS = [
  ['icp4', 16],
  ['icp5', 32],
  ['ic11', 32],
  ['icp6', 64],
  ['ic12', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic13', 256],
  ['ic09', 512],
  ['ic14', 512],
  ['ic10', 1024],
];

// --- PNG ----------------------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** RGBA pixels (row-major, top row first) → PNG bytes. */
export function encodePng(rgba, size) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

// --- ICO ----------------------------------------------------------------------------------------

/** A classic 32-bit DIB icon image (BGRA bottom-up + AND mask): every Windows tool and NSIS reads it. */
function dibImage(rgba, size) {
  const header = Buffer.alloc(40);
  const maskStride = Math.ceil(size / 32) * 4;
  const xor = Buffer.alloc(size * size * 4);
  const and = Buffer.alloc(maskStride * size);
  for (let y = 0; y < size; y++) {
    const row = size - 1 - y; // bottom-up
    for (let x = 0; x < size; x++) {
      const s = (y * size + x) * 4;
      const d = (row * size + x) * 4;
      xor[d] = rgba[s + 2];
      xor[d + 1] = rgba[s + 1];
      xor[d + 2] = rgba[s];
      xor[d + 3] = rgba[s + 3];
      if (rgba[s + 3] === 0) and[row * maskStride + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // XOR + AND masks
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(xor.length + and.length, 20);
  return Buffer.concat([header, xor, and]);
}

/** Sizes below 256 as DIB, 256 as PNG: the layout Windows' own icons use. */
export function encodeIco(images) {
  const entries = images.map(({ size, rgba }) => ({ size, data: size >= 256 ? encodePng(rgba, size) : dibImage(rgba, size) }));
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(entries.length, 4);
  const directory = Buffer.alloc(16 * entries.length);
  let offset = 6 + directory.length;
  entries.forEach(({ size, data }, i) => {
    const e = i * 16;
    directory[e] = size >= 256 ? 0 : size; // 0 means 256
    directory[e + 1] = size >= 256 ? 0 : size;
    directory.writeUInt16LE(1, e + 4); // planes
    directory.writeUInt16LE(32, e + 6); // bits per pixel
    directory.writeUInt32LE(data.length, e + 8);
    directory.writeUInt32LE(offset, e + 12);
    offset += data.length;
  });
  return Buffer.concat([header, directory, ...entries.map((e) => e.data)]);
}

// --- ICNS ---------------------------------------------------------------------------------------

export function encodeIcns(pngBySize) {
  const parts = ICNS_SLOTS.map(([type, size]) => {
    const png = pngBySize.get(size);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(8 + png.length, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + body.length, 4);
  return Buffer.concat([head, body]);
}

// --- rasterising --------------------------------------------------------------------------------

async function chromiumRasterizer() {
  const { chromium } = await import('playwright-core');
  const { findChromium, CHROMIUM_ARGS } = await import('../scripts/find-chromium.mjs');
  const browser = await chromium.launch({ executablePath: await findChromium(), args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  await page.setContent('<!doctype html><canvas></canvas>');
  return {
    name: 'Chromium',
    async rasterize(svg, size) {
      const base64 = await page.evaluate(
        async ({ svg, size }) => {
          const img = new Image();
          img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
          await img.decode();
          const canvas = document.querySelector('canvas');
          canvas.width = size;
          canvas.height = size;
          const ctx = canvas.getContext('2d');
          ctx.clearRect(0, 0, size, size);
          ctx.drawImage(img, 0, 0, size, size);
          const { data } = ctx.getImageData(0, 0, size, size);
          let binary = '';
          for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
          return btoa(binary);
        },
        { svg, size },
      );
      return Buffer.from(base64, 'base64');
    },
    close: () => browser.close(),
  };
}

function convertRasterizer() {
  const convert = ['/usr/bin/convert', '/usr/local/bin/magick', '/opt/homebrew/bin/magick'].find((p) => existsSync(p));
  if (!convert) throw new Error('No Chromium and no ImageMagick found: install one (apt-get install -y chromium), or set CHROMIUM_PATH.');
  return {
    name: 'ImageMagick',
    async rasterize(_svg, size, file) {
      const density = Math.max(72, Math.ceil((72 * size) / 1024) * 4);
      return execFileSync(convert, ['-background', 'none', '-density', String(density), file, '-resize', `${size}x${size}!`, '-depth', '8', 'rgba:-'], {
        maxBuffer: 64 * 1024 * 1024,
      });
    },
    close: async () => {},
  };
}

async function makeIconSet(rasterizer, source, { linuxDir, png, ico, icns }) {
  const file = path.join(here, source);
  const svg = readFileSync(file, 'utf8');
  const sizes = [...new Set([...LINUX_SIZES, ...ICO_SIZES, ...ICNS_SLOTS.map(([, s]) => s)])].sort((a, b) => a - b);
  const rgbaBySize = new Map();
  const pngBySize = new Map();
  for (const size of sizes) {
    const rgba = await rasterizer.rasterize(svg, size, file);
    if (rgba.length !== size * size * 4) throw new Error(`${source} at ${size}px: expected ${size * size * 4} bytes of RGBA, got ${rgba.length}`);
    rgbaBySize.set(size, rgba);
    pngBySize.set(size, encodePng(rgba, size));
  }
  if (linuxDir) {
    mkdirSync(path.join(here, linuxDir), { recursive: true });
    for (const size of LINUX_SIZES) writeFileSync(path.join(here, linuxDir, `${size}x${size}.png`), pngBySize.get(size));
  }
  writeFileSync(path.join(here, png.file), pngBySize.get(png.size));
  writeFileSync(path.join(here, ico), encodeIco(ICO_SIZES.map((size) => ({ size, rgba: rgbaBySize.get(size) }))));
  writeFileSync(path.join(here, icns), encodeIcns(pngBySize));
}

async function main() {
  let rasterizer;
  try {
    rasterizer = await chromiumRasterizer();
  } catch (error) {
    console.warn(`Chromium unavailable (${error.message.split('\n')[0]}); using ImageMagick.`);
    rasterizer = convertRasterizer();
  }
  try {
    await makeIconSet(rasterizer, 'icon.svg', { linuxDir: 'icons', png: { file: 'icon.png', size: 1024 }, ico: 'icon.ico', icns: 'icon.icns' });
    await makeIconSet(rasterizer, 'document-icon.svg', { png: { file: 'document-icon.png', size: 512 }, ico: 'document-icon.ico', icns: 'document-icon.icns' });
    console.log(`Icons written to build/ (rendered by ${rasterizer.name}).`);
  } finally {
    await rasterizer.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
