import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Resvg as ResvgType } from '@resvg/resvg-js';
import { openBuildCache } from '../build-cache.js';

const require = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) => path.join(FONT_DIR, file));

// Rendering takes ~40 ms and its result depends on the SVG text alone, so one build (or test run)
// renders each image once even when it plans the site several times…
const rendered = new Map<string, Uint8Array>();
// …and keeps it on disk for the next builds: the PNGs of a site rarely change, and rendering them was a
// quarter of a build of the real content.
const pngCache = openBuildCache('png', { maxEntries: 256 });
const RENDERER_ID = `resvg ${(require('@resvg/resvg-js/package.json') as { version: string }).version}; ${FONT_FILES.map((f) => path.basename(f)).join(', ')}`;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Render SVG (a share image, a resized photo) to PNG with the bundled DejaVu fonts, never the machine's, so every machine draws the same pixels. */
export function renderPng(svg: string): Uint8Array {
  let png = rendered.get(svg);
  if (!png) {
    const name = `${createHash('sha256').update(RENDERER_ID).update('\0').update(svg).digest('hex')}.png`;
    png = wholePng(pngCache.read(name));
    if (!png) {
      // Loaded on the first image not found in the cache: most builds then never load the native addon.
      const { Resvg } = require('@resvg/resvg-js') as { Resvg: typeof ResvgType };
      const resvg = new Resvg(svg, {
        fitTo: { mode: 'original' },
        font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: 'DejaVu Sans' },
      });
      png = new Uint8Array(resvg.render().asPng());
      pngCache.write(name, png);
    }
    rendered.set(svg, png);
  }
  return png;
}

/** The bytes if they are a whole PNG (a cache entry could be damaged). */
function wholePng(bytes: Buffer | undefined): Uint8Array | undefined {
  if (!bytes) return undefined;
  const whole = PNG_SIGNATURE.every((b, i) => bytes[i] === b) && bytes.subarray(-8, -4).toString('latin1') === 'IEND';
  return whole ? new Uint8Array(bytes) : undefined;
}

