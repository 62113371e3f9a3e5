import { readdir, rm, utimes } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openBuildCache } from '../../src/speed/build-cache.js';
import { ROOT } from '../helpers/site.js';

const FOLDER = `test-${process.pid}`;
const DIR = path.join(ROOT, 'node_modules/.cache/looking-glass', FOLDER);
afterAll(() => rm(DIR, { recursive: true, force: true }));

describe('openBuildCache', () => {
  it('reads back what it wrote, and nothing for a name it never wrote', () => {
    const cache = openBuildCache(FOLDER, { maxEntries: 10 });
    cache.write('a.txt', 'Zając');
    expect(cache.read('a.txt')?.toString('utf8')).toBe('Zając');
    expect(cache.read('never.txt')).toBeUndefined();
  });

  it('replaces the entries the caller names, and keeps the newest half when it holds too many', async () => {
    await rm(DIR, { recursive: true, force: true });
    const cache = openBuildCache(FOLDER, { maxEntries: 4, replaces: (entry) => entry.startsWith('x-') });
    cache.write('x-1', 'one');
    cache.write('y-1', 'two');
    cache.write('x-2', 'three');
    expect((await readdir(DIR)).sort()).toEqual(['x-2', 'y-1']);
    const others = openBuildCache(FOLDER, { maxEntries: 4 });
    others.write('y-2', 'four');
    others.write('y-3', 'five');
    expect((await readdir(DIR)).sort()).toEqual(['x-2', 'y-1', 'y-2', 'y-3']);
    // The clock of the file system is coarse: the test says which entries are older.
    const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    for (const [entry, minutes] of [['y-1', 4], ['x-2', 3], ['y-2', 2], ['y-3', 1]] as const) {
      await utimes(path.join(DIR, entry), minutesAgo(minutes), minutesAgo(minutes));
    }
    // A fifth entry would be one too many: the two oldest go, the newest two and the new one stay.
    others.write('y-4', 'six');
    expect((await readdir(DIR)).sort()).toEqual(['y-2', 'y-3', 'y-4']);
  });
});
