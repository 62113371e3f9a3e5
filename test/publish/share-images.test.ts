import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { cachedPngName, renderPng } from '../../src/publish/png.js';
import { ogImageSvg } from '../../src/publish/share-images.js';
import { ROOT } from '../helpers/site.js';

const CACHE = path.join(ROOT, 'node_modules/.cache/looking-glass/png');

/** A share image no other test renders, so that this test sees its own cache entry. */
function uniqueSvg(label: string): string {
  return ogImageSvg({ heading: `${label} ${process.pid} ${Date.now()} ${Math.random()}`, host: 'example.org' });
}

// Other test files build sites at the same time and add their own entries to the cache, so each test
// finds its entry by name, never as "the file that appeared".
describe('share images', () => {
  it('renders a 1200×630 PNG', () => {
    const png = Buffer.from(renderPng(uniqueSvg('size')));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });

  it('keeps each rendered image in node_modules/.cache, and a later build gets the same bytes from it', async () => {
    const svg = uniqueSvg('cache');
    const entry = path.join(CACHE, cachedPngName(svg));
    await expect(stat(entry)).rejects.toThrow();
    const png = Buffer.from(renderPng(svg));
    expect((await readFile(entry)).equals(png)).toBe(true);
    vi.resetModules();
    const fresh = await import('../../src/publish/png.js');
    expect(Buffer.from(fresh.renderPng(svg)).equals(png)).toBe(true);
  });

  it('renders again instead of using a damaged cache file, and repairs it', async () => {
    const svg = uniqueSvg('damaged');
    const entry = path.join(CACHE, cachedPngName(svg));
    const good = Buffer.from(renderPng(svg));
    await writeFile(entry, good.subarray(0, 100));
    // A fresh copy of the module has no image in memory, as the next build would not.
    vi.resetModules();
    const fresh = await import('../../src/publish/png.js');
    expect(Buffer.from(fresh.renderPng(svg)).equals(good)).toBe(true);
    expect((await readFile(entry)).equals(good)).toBe(true);
  });
});
