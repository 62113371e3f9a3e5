import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

/**
 * Where caches live: the usual folder for tools' caches, `.cache/` in the node_modules that holds the
 * project's packages (found through one of them, so the same from src/, dist/ and the bundle).
 */
export const CACHE_ROOT = path.join(path.dirname(createRequire(import.meta.url).resolve('nunjucks/package.json')), '..', '.cache', 'looking-glass');

/**
 * Files kept between builds, each named by a hash of everything it was made from, so that an entry is
 * either right or never asked for. Everything is best effort: a missing, read-only or damaged cache
 * only costs the time to make the file again.
 */
export interface BuildCache {
  read(name: string): Buffer | undefined;
  /**
   * Store an entry. Entries that `replaces` picks go; once there are `maxEntries` others, the oldest go
   * until half remain (so that a build, or another one running beside it, keeps what it just wrote).
   */
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
        const replaced = others.filter((entry) => options.replaces?.(entry));
        const kept = others.filter((entry) => !options.replaces?.(entry));
        for (const entry of [...replaced, ...oldestBeyond(dir, kept, options.maxEntries)]) rmSync(path.join(dir, entry), { force: true });
      } catch {
        // nothing to do: this build has what it made in memory
      }
    },
  };
}

/** The entries to remove once `entries` has reached `maxEntries`: all but the newest half. */
function oldestBeyond(dir: string, entries: string[], maxEntries: number): string[] {
  if (entries.length < maxEntries) return [];
  const written = (entry: string) => {
    try {
      return statSync(path.join(dir, entry)).mtimeMs;
    } catch {
      return 0;
    }
  };
  const newestFirst = entries.map((entry) => ({ entry, at: written(entry) })).sort((a, b) => b.at - a.at);
  return newestFirst.slice(Math.floor(maxEntries / 2)).map(({ entry }) => entry);
}
