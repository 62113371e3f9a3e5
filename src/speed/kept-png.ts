// Speed only: drawing a PNG takes ~40 ms and its result depends on the SVG text and the renderer alone.
// Without this, src/publish/png.ts draws every image on every build.
import { createHash } from 'node:crypto';
import { openBuildCache } from './build-cache.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

// One build (or test run) draws each image once even when it plans the site several times…
const drawn = new Map<string, Uint8Array>();
// …and keeps it on disk for the next builds: the PNGs of a site rarely change, and drawing them was a
// quarter of a build of the real content.
const pngCache = openBuildCache('png', { maxEntries: 256 });

/** The PNG of `svg` drawn by the renderer `rendererId`: kept from before, or drawn now and kept. */
export function keptPng(svg: string, rendererId: string, draw: () => Uint8Array): Uint8Array {
  let png = drawn.get(svg);
  if (!png) {
    const name = keptPngName(svg, rendererId);
    png = wholePng(pngCache.read(name));
    if (!png) {
      png = draw();
      pngCache.write(name, png);
    }
    drawn.set(svg, png);
  }
  return png;
}

/** The name of the cache entry that keeps the PNG of `svg` drawn by `rendererId`. */
export function keptPngName(svg: string, rendererId: string): string {
  return `${createHash('sha256').update(rendererId).update('\0').update(svg).digest('hex')}.png`;
}

/** The bytes if they are a whole PNG (a cache entry could be damaged). */
function wholePng(bytes: Buffer | undefined): Uint8Array | undefined {
  if (!bytes) return undefined;
  const whole = PNG_SIGNATURE.every((b, i) => bytes[i] === b) && bytes.subarray(-8, -4).toString('latin1') === 'IEND';
  return whole ? new Uint8Array(bytes) : undefined;
}
