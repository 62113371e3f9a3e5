import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { ProblemsError, SiteError } from '../problems.js';
import { findStrayFiles, formatManifest, MANIFEST_FILE } from './check-output.js';
import type { WriterMessage, WriterReport } from './writer-protocol.js';

/** One file to write: path inside the output folder, forward slashes. */
export interface FileToWrite {
  path: string;
  /** The bytes, or a function that renders them just before writing (so pages need not all sit in memory). */
  contents: string | Uint8Array | (() => string | Uint8Array);
}

/** How paths are shown in the problems about stray files. */
export interface WriteDisplay {
  /** Paths in messages are relative to this folder. */
  displayRoot: string;
  /** The content folder, whose static/ is where a stray file should go. */
  contentDir: string;
}

/**
 * Write the site into a fresh folder beside `outDir`, then swap it in with two renames.
 * Until the swap, `outDir` is untouched; a failed or interrupted build leaves it as it was.
 * Files in `outDir` that no build wrote are never deleted: the write is refused instead, with a
 * ProblemsError that names them.
 */
export async function writeSiteAtomically(
  outDir: string,
  files: readonly FileToWrite[],
  display: WriteDisplay = { displayRoot: process.cwd(), contentDir: path.resolve('content') },
): Promise<void> {
  const target = path.resolve(outDir);
  const parent = path.dirname(target);
  const name = path.basename(target);
  // Names match the ".public-*/" line of .gitignore.
  const staging = path.join(parent, `.${name}-building-${process.pid}`);
  const previous = path.join(parent, `.${name}-previous-${process.pid}`);
  await mkdir(parent, { recursive: true });
  await recoverInterrupted(parent, name);
  const staticDir = path.relative(display.displayRoot, path.join(display.contentDir, 'static')).split(path.sep).join('/');
  const stray = await findStrayFiles(target, files, display.displayRoot, staticDir);
  if (stray.length > 0) {
    throw new ProblemsError(stray, `refusing to replace ${outDir}: it holds files the build did not write (${stray.map((p) => p.file).join(', ')})`);
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

/**
 * The absolute path of an output inside `root`. Every output path is checked here, where files are
 * written: a path from content that led elsewhere ("..", an absolute path) is refused as a bug, since
 * validation reports it as a problem first (`unsafe-path`).
 */
export function outputPath(root: string, relative: string): string {
  const target = path.resolve(root, relative);
  const segments = relative.split('/');
  if (relative === '' || path.isAbsolute(relative) || relative.includes('\\') || relative.includes('\0') || segments.some((s) => s === '' || s === '.' || s === '..') || !target.startsWith(path.resolve(root) + path.sep)) {
    throw new SiteError(`refusing to write ${JSON.stringify(relative)}: it is not a path inside the output folder`);
  }
  return target;
}

/** From this many files on, a writer thread writes them (below, its start-up costs more than it saves). */
const WRITER_THREAD_FROM_FILES = 300;
/** Files go to the writer thread in shared buffers of about this many bytes… */
const BATCH_BYTES = 1024 * 1024;
/** …and at most this many bytes wait for the disk (a bound on the memory rendered pages take). */
const MAX_WAITING_BYTES = 16 * 1024 * 1024;
const WRITER_THREAD = new URL('./writer-thread.js', import.meta.url);

/**
 * Write files under `root`, creating folders once each. Many files: rendered here, written by a writer
 * thread, so that the disk's time is spent on the second core. Few (or when running from the TypeScript
 * sources, which have no compiled writer): synchronous calls on this thread, which beat libuv's pool
 * (async writes cost this thread 3–4 times the CPU of sync ones here).
 */
export async function writeFiles(root: string, files: readonly FileToWrite[]): Promise<void> {
  const targets = files.map((file) => outputPath(root, file.path));
  // Only the deepest folders need a call each (recursive mkdir makes the parents).
  const dirs = [...new Set(targets.map((target) => path.dirname(target)))].sort();
  const leaves = dirs.filter((dir, i) => !dirs[i + 1]?.startsWith(dir + path.sep));
  if (files.length >= WRITER_THREAD_FROM_FILES && existsSync(fileURLToPath(WRITER_THREAD))) {
    return writeOnWriterThread(files, targets, leaves);
  }
  for (const dir of leaves) mkdirSync(dir, { recursive: true });
  files.forEach((file, i) => writeFileSync(targets[i]!, typeof file.contents === 'function' ? file.contents() : file.contents));
}

/**
 * Pages are encoded straight into shared memory, which the writer thread reads: no copy of the text
 * in either thread's heap (sending the text itself cost this thread 0.4 s and the writer 115 MiB at
 * 4,000 talks).
 */
async function writeOnWriterThread(files: readonly FileToWrite[], targets: readonly string[], leaves: string[]): Promise<void> {
  const writer = new Worker(WRITER_THREAD);
  let waitingBytes = 0;
  let batchesOut = 0;
  let failure: string | undefined;
  let wake: (() => void) | undefined;
  const settled = () => new Promise<void>((resolve) => (wake = resolve));
  writer.on('message', (report: WriterReport) => {
    if (report.type === 'written') {
      waitingBytes -= report.size;
      batchesOut--;
    } else {
      failure = report.message;
    }
    wake?.();
  });
  writer.on('error', (error) => {
    failure = error.message;
    wake?.();
  });
  writer.on('exit', (code) => {
    failure ??= `the writer thread stopped (exit code ${code})`;
    wake?.();
  });
  const send = (message: WriterMessage) => writer.postMessage(message);
  try {
    send({ type: 'folders', dirs: leaves });
    const encoder = new TextEncoder();
    const emptyBuffer = () => new Uint8Array(new SharedArrayBuffer(0));
    let buffer = emptyBuffer();
    let used = 0;
    let batch: { target: string; start: number; end: number }[] = [];
    const flush = () => {
      if (batch.length === 0) return;
      send({ type: 'files', batch: batchesOut++, files: batch, buffer: buffer.buffer, size: used });
      waitingBytes += used;
      batch = [];
      buffer = emptyBuffer();
      used = 0;
    };
    for (const [i, file] of files.entries()) {
      if (failure) break;
      const contents = typeof file.contents === 'function' ? file.contents() : file.contents;
      // UTF-8 takes at most three bytes per UTF-16 code unit.
      const most = typeof contents === 'string' ? contents.length * 3 : contents.byteLength;
      if (used + most > buffer.length) {
        flush();
        buffer = new Uint8Array(new SharedArrayBuffer(Math.max(BATCH_BYTES, most)));
      }
      const start = used;
      if (typeof contents === 'string') {
        used += encoder.encodeInto(contents, buffer.subarray(used)).written;
      } else {
        buffer.set(contents, used);
        used += contents.byteLength;
      }
      batch.push({ target: targets[i]!, start, end: used });
      if (used >= BATCH_BYTES) flush();
      while (waitingBytes > MAX_WAITING_BYTES && !failure) await settled();
    }
    flush();
    while (batchesOut > 0 && !failure) await settled();
    if (failure) throw new SiteError(`cannot write the site: ${failure}`);
  } finally {
    writer.removeAllListeners('exit');
    await writer.terminate();
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
