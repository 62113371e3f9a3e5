import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { renderPng } from '../../src/publish/png.js';
import { ogImageSvg } from '../../src/publish/share-images.js';
import { ROOT } from '../helpers/site.js';

const CACHE = path.join(ROOT, 'node_modules/.cache/looking-glass/png');

/** A share image no other test renders, so that this test sees its own cache entry. */
function uniqueSvg(label: string): string {
  return ogImageSvg({ heading: `${label} ${process.pid} ${Date.now()}`, host: 'example.org' });
}

async function cacheFiles(): Promise<string[]> {
  return (await readdir(CACHE).catch(() => [])).filter((f) => f.endsWith('.png'));
}

describe('share images', () => {
  it('renders a 1200×630 PNG', () => {
    const png = Buffer.from(renderPng(uniqueSvg('size')));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });

  it('keeps each rendered image in node_modules/.cache, and a later build gets the same bytes from it', async () => {
    const svg = uniqueSvg('cache');
    const before = new Set(await cacheFiles());
    const png = renderPng(svg);
    const added = (await cacheFiles()).filter((f) => !before.has(f));
    expect(added).toHaveLength(1);
    expect(Buffer.from(await readFile(path.join(CACHE, added[0]!))).equals(Buffer.from(png))).toBe(true);
    expect((await stat(path.join(CACHE, added[0]!))).size).toBe(png.byteLength);
  });

  it('renders again instead of using a damaged cache file, and repairs it', async () => {
    const svg = uniqueSvg('damaged');
    const before = new Set(await cacheFiles());
    const good = Buffer.from(renderPng(svg));
    const [entry] = (await cacheFiles()).filter((f) => !before.has(f));
    expect(entry).toBeDefined();
    await writeFile(path.join(CACHE, entry!), good.subarray(0, 100));
    // A fresh copy of the module has no image in memory, as the next build would not.
    vi.resetModules();
    const fresh = await import('../../src/publish/png.js');
    expect(Buffer.from(fresh.renderPng(svg)).equals(good)).toBe(true);
    expect((await readFile(path.join(CACHE, entry!))).equals(good)).toBe(true);
  });
});
