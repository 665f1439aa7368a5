// Builds the extension for Chromium (MV3 service worker, fixed `key`) and
// Firefox (background scripts, gecko id) from one source tree:
//   node build.mjs            → dist/chromium/, dist/firefox/
// One bundler (esbuild), no remote code: everything the extension runs is in
// dist/. Manifests are src/manifest/common.json merged with the per-browser
// file; _locales are generated from src/_locales/<lang>.json ("$1" → Chrome
// placeholders); icons are drawn here so no binary is committed.
import * as esbuild from 'esbuild';
import { mkdir, readFile, rm, writeFile, copyFile, readdir } from 'node:fs/promises';
import { deflateSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
const src = path.join(root, 'src');
const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));

const ENTRIES = {
  'background/background': 'background/index.js',
  'content/content': 'content/index.js',
  'popup/popup': 'popup/popup.js',
  'options/options': 'options/options.js',
};
/** The enterprise policy schema (manifests/policy/), shipped as the Chromium build's storage.managed_schema. */
export const MANAGED_SCHEMA = path.join(root, '..', 'manifests', 'policy', 'managed_schema.json');
const STATIC = ['popup/popup.html', 'popup/popup.css', 'options/options.html', 'options/options.css', 'content/content.css'];

// ---- locales ------------------------------------------------------------------

export function toChromeMessages(flat) {
  const out = {};
  for (const [key, text] of Object.entries(flat)) {
    const placeholders = {};
    const message = text.replace(/\$(\d)/g, (_, n) => {
      placeholders[`p${n}`] = { content: `$${n}` };
      return `$P${n}$`;
    });
    out[key] = Object.keys(placeholders).length ? { message, placeholders } : { message };
  }
  return out;
}

// ---- icons (a white shield on LinkedIn-ish blue, drawn with 4x4 supersampling) --

function crc32(buf) {
  let c;
  const table = crc32.table || (crc32.table = Array.from({ length: 256 }, (_, n) => {
    c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  }));
  let crc = 0xffffffff;
  for (const b of buf) crc = table[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r; raw[o + 1] = g; raw[o + 2] = b; raw[o + 3] = a;
    }
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function icon(size) {
  const inRounded = (u, v) => {
    const r = 0.22;
    const dx = Math.max(r - u, 0, u - (1 - r));
    const dy = Math.max(r - v, 0, v - (1 - r));
    return dx * dx + dy * dy <= r * r;
  };
  const inShield = (u, v) => {
    if (v < 0.17 || v > 0.86) return false;
    const half = v < 0.52 ? 0.29 : 0.29 * (1 - (v - 0.52) / 0.34);
    return Math.abs(u - 0.5) <= half;
  };
  const inCheck = (u, v) => {
    // Two strokes of a tick inside the shield.
    const d1 = Math.abs((v - 0.50) - (u - 0.36)) / Math.SQRT2;
    const d2 = Math.abs((v - 0.60) + (u - 0.46)) / Math.SQRT2;
    return (d1 < 0.045 && u > 0.35 && u < 0.47) || (d2 < 0.045 && u > 0.45 && u < 0.66);
  };
  return png(size, (x, y) => {
    let bg = 0, sh = 0, ck = 0;
    const n = 4;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
      const u = (x + (i + 0.5) / n) / size;
      const v = (y + (j + 0.5) / n) / size;
      if (!inRounded(u, v)) continue;
      if (inShield(u, v)) {
        if (inCheck(u, v)) ck++;
        else sh++;
      } else bg++;
    }
    const total = n * n;
    const a = (bg + sh + ck) / total;
    if (a === 0) return [0, 0, 0, 0];
    const mix = (c1, c2, c3) => Math.round((bg * c1 + sh * c2 + ck * c3) / (bg + sh + ck));
    return [mix(10, 255, 10), mix(102, 255, 102), mix(194, 255, 194), Math.round(a * 255)];
  });
}

// ---- build --------------------------------------------------------------------

async function buildTarget(target) {
  const out = path.join(root, 'dist', target);
  await rm(out, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([k, v]) => [k, path.join(src, v)])),
    outdir: out,
    bundle: true,
    format: 'iife',
    target: target === 'chromium' ? 'chrome120' : 'firefox128',
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'warning',
    define: { __TARGET__: JSON.stringify(target) },
  });
  for (const f of STATIC) {
    await mkdir(path.dirname(path.join(out, f)), { recursive: true });
    await copyFile(path.join(src, f), path.join(out, f));
  }
  for (const file of await readdir(path.join(src, '_locales'))) {
    const lang = file.replace(/\.json$/, '');
    const flat = JSON.parse(await readFile(path.join(src, '_locales', file), 'utf8'));
    await mkdir(path.join(out, '_locales', lang), { recursive: true });
    await writeFile(path.join(out, '_locales', lang, 'messages.json'), JSON.stringify(toChromeMessages(flat), null, 1));
  }
  await mkdir(path.join(out, 'icons'), { recursive: true });
  for (const size of [16, 32, 48, 128]) await writeFile(path.join(out, 'icons', `icon-${size}.png`), icon(size));
  const common = JSON.parse(await readFile(path.join(src, 'manifest', 'common.json'), 'utf8'));
  const specific = JSON.parse(await readFile(path.join(src, 'manifest', `${target}.json`), 'utf8'));
  const manifest = { ...common, version: pkg.version, ...specific };
  // Chromium's enterprise policy schema: the organisation's file, copied (one source of truth).
  if (manifest.storage?.managed_schema) await copyFile(MANAGED_SCHEMA, path.join(out, manifest.storage.managed_schema));
  await writeFile(path.join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const targets = process.argv.slice(2).length ? process.argv.slice(2) : ['chromium', 'firefox'];
  for (const t of targets) console.log(`built ${path.relative(root, await buildTarget(t))}/`);
}
