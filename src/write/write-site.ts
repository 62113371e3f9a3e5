import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SiteError } from '../problems.js';
import { findStrayFiles, formatManifest, MANIFEST_FILE } from './check-output.js';

/** One file to write: path inside the output folder, forward slashes. */
export interface FileToWrite {
  path: string;
  /** The bytes, or a function that renders them just before writing (so pages need not all sit in memory). */
  contents: string | Uint8Array | (() => string | Uint8Array);
}

/**
 * Write the site into a fresh folder beside `outDir`, then swap it in with two renames.
 * Until the swap, `outDir` is untouched; a failed or interrupted build leaves it as it was.
 * Files in `outDir` that no build wrote are never deleted: the write is refused instead.
 */
export async function writeSiteAtomically(outDir: string, files: readonly FileToWrite[]): Promise<void> {
  const target = path.resolve(outDir);
  const parent = path.dirname(target);
  const name = path.basename(target);
  // Names match the ".public-*/" line of .gitignore.
  const staging = path.join(parent, `.${name}-building-${process.pid}`);
  const previous = path.join(parent, `.${name}-previous-${process.pid}`);
  await mkdir(parent, { recursive: true });
  await recoverInterrupted(parent, name);
  const stray = await findStrayFiles(target, files, process.cwd(), 'content/static');
  if (stray.length > 0) {
    throw new SiteError(`refusing to replace ${outDir}: it holds files the build did not write (${stray.map((p) => p.file).join(', ')})`);
  }
  try {
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging);
    await writeFiles(staging, [...files, { path: MANIFEST_FILE, contents: formatManifest(files.map((f) => f.path)) }]);
  } catch (cause) {
    await rm(staging, { recursive: true, force: true });
    throw new SiteError(`cannot write the site to ${staging}`, { cause });
  }
  try {
    const hadPrevious = await rename(target, previous).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false;
        throw error;
      },
    );
    await rename(staging, target);
    if (hadPrevious) await rm(previous, { recursive: true, force: true });
  } catch (cause) {
    throw new SiteError(`cannot move the new site into ${outDir}`, { cause });
  }
}

/** Write files under `root`, creating folders once each. */
export async function writeFiles(root: string, files: readonly FileToWrite[]): Promise<void> {
  // Only the deepest folders need a call each (recursive mkdir makes the parents).
  const dirs = [...new Set(files.map((file) => path.dirname(path.join(root, file.path))))].sort();
  const leaves = dirs.filter((dir, i) => !dirs[i + 1]?.startsWith(dir + path.sep));
  // Synchronous calls: for thousands of small files into the page cache they beat the thread pool's
  // round trips, and rendering (the rest of each step) is on this thread anyway.
  for (const dir of leaves) mkdirSync(dir, { recursive: true });
  for (const file of files) {
    writeFileSync(path.join(root, file.path), typeof file.contents === 'function' ? file.contents() : file.contents);
  }
}

/**
 * Clean up after a build that was killed: its half-written folder goes; if it died between the two
 * renames, the previous site is put back. Folders of builds still running are left alone.
 */
async function recoverInterrupted(parent: string, name: string): Promise<void> {
  const pattern = new RegExp(`^\\.${escapeRegExp(name)}-(building|previous)-(\\d+)$`);
  const leftovers = (await readdir(parent)).map((entry) => ({ entry, match: pattern.exec(entry) }));
  let exists = leftovers.some(({ entry }) => entry === name);
  for (const { entry, match } of leftovers) {
    if (!match || isRunning(Number(match[2]))) continue;
    const leftover = path.join(parent, entry);
    if (match[1] === 'previous' && !exists) {
      await rename(leftover, path.join(parent, name));
      exists = true;
    } else {
      await rm(leftover, { recursive: true, force: true });
    }
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
