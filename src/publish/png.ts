import { createRequire } from 'node:module';
import path from 'node:path';
import type { Resvg as ResvgType } from '@resvg/resvg-js';
import { keptPng, keptPngName } from '../speed/kept-png.js';

const require = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) => path.join(FONT_DIR, file));

const RENDERER_ID = `resvg ${(require('@resvg/resvg-js/package.json') as { version: string }).version}; ${FONT_FILES.map((f) => path.basename(f)).join(', ')}`;

/** Render SVG (a share image, a resized photo) to PNG with the bundled DejaVu fonts, never the machine's, so every machine draws the same pixels. */
export function renderPng(svg: string): Uint8Array {
  return keptPng(svg, RENDERER_ID, () => {
    // Loaded on the first image not kept: most builds then never load the native addon.
    const { Resvg } = require('@resvg/resvg-js') as { Resvg: typeof ResvgType };
    const resvg = new Resvg(svg, {
      fitTo: { mode: 'original' },
      font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: 'DejaVu Sans' },
    });
    return new Uint8Array(resvg.render().asPng());
  });
}

/** The build cache's file name for the PNG of `svg` (in node_modules/.cache/looking-glass/png/). */
export function cachedPngName(svg: string): string {
  return keptPngName(svg, RENDERER_ID);
}
