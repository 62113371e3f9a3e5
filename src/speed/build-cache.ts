import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

/**
 * Where caches live: the usual folder for tools' caches, `.cache/` in the node_modules that holds the
 * project's packages (found through one of them, so the same from src/, dist/ and the bundle).
 */
const CACHE_ROOT = path.join(path.dirname(createRequire(import.meta.url).resolve('nunjucks/package.json')), '..', '.cache', 'looking-glass');

/**
 * Files kept between builds, each named by a hash of everything it was made from, so that an entry is
 * either right or never asked for. Everything is best effort: a missing, read-only or damaged cache
 * only costs the time to make the file again.
 */
export interface BuildCache {
  read(name: string): Buffer | undefined;
  /** Store an entry; entries that `replaces` picks, and all others once there are more than `maxEntries`, go. */
  write(name: string, contents: string | Uint8Array): void;
}

export function openBuildCache(folder: string, options: { maxEntries: number; replaces?: (entry: string) => boolean }): BuildCache {
  const dir = path.join(CACHE_ROOT, folder);
  return {
    read(name) {
      try {
        return readFileSync(path.join(dir, name));
      } catch {
        return undefined;
      }
    },
    write(name, contents) {
      try {
        mkdirSync(dir, { recursive: true });
        // Written beside and renamed, so that a build running at the same time never reads half a file.
        const partial = path.join(dir, `${name}.${process.pid}.partial`);
        writeFileSync(partial, contents);
        renameSync(partial, path.join(dir, name));
        const others = readdirSync(dir).filter((entry) => entry !== name && !entry.endsWith('.partial'));
        const crowded = others.length >= options.maxEntries;
        for (const entry of others) if (crowded || options.replaces?.(entry)) rmSync(path.join(dir, entry), { force: true });
      } catch {
        // nothing to do: this build has what it made in memory
      }
    },
  };
}
