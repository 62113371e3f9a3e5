import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { RenderedFile } from '../outputs.js';
import { SiteError, type Problem } from '../problems.js';
import { findDuplicateOutputs, findStrayFiles, formatManifest, MANIFEST_FILE, readManifest } from './check-output.js';
import { openFileSink } from './file-sink.js';
import { outputPath, type FileSink } from './output-path.js';
import type { PlannedPath, WriteResult, Writer } from './writer.js';

/**
 * Writes the site into a fresh folder beside the output folder and swaps it in with two renames, only
 * when the build succeeded. Until then the output folder is untouched; a failed or interrupted build
 * leaves it as it was. Files in it that no build wrote are never deleted: `begin` reports them
 * (`stray-output-file`) and nothing is written.
 */
export class AtomicDiskWriter implements Writer {
  readonly #target: string;
  readonly #staging: string;
  readonly #previous: string;
  readonly #contentDir: string;
  #paths: string[] = [];
  #sink: FileSink | undefined;

  /** `contentDir`: whose static/ is where a stray file should go. */
  constructor(outDir: string, contentDir: string) {
    this.#target = path.resolve(outDir);
    this.#contentDir = contentDir;
    const parent = path.dirname(this.#target);
    const name = path.basename(this.#target);
    // Names match the ".public-*/" line of .gitignore.
    this.#staging = path.join(parent, `.${name}-building-${process.pid}`);
    this.#previous = path.join(parent, `.${name}-previous-${process.pid}`);
  }

  async begin(paths: readonly PlannedPath[], displayRoot: string): Promise<Problem[]> {
    const duplicates = findDuplicateOutputs(paths, displayRoot);
    if (duplicates.length > 0) return duplicates;
    await mkdir(path.dirname(this.#target), { recursive: true });
    await recoverInterrupted(this.#target);
    const staticDir = path.relative(displayRoot, path.join(this.#contentDir, 'static')).split(path.sep).join('/');
    const stray = await findStrayFiles(this.#target, paths, displayRoot, staticDir);
    if (stray.length > 0) return stray;
    this.#paths = paths.map((p) => p.path);
    await rm(this.#staging, { recursive: true, force: true });
    await mkdir(this.#staging);
    this.#sink = openFileSink(this.#staging, [...this.#paths, MANIFEST_FILE]);
    return [];
  }

  async put(file: RenderedFile): Promise<void> {
    try {
      await this.#sink!.put(file.path, file.contents);
    } catch (cause) {
      await this.#abandon();
      throw new SiteError(`cannot write the site to ${this.#staging}`, { cause });
    }
  }

  /** A file of the site being replaced, linked into the new one (both folders are on one disk). */
  async reuse(relative: string): Promise<void> {
    try {
      await this.#sink!.link(relative, outputPath(this.#target, relative));
    } catch (cause) {
      await this.#abandon();
      throw new SiteError(`cannot write the site to ${this.#staging}`, { cause });
    }
  }

  async #abandon(): Promise<void> {
    await this.#sink?.close().catch(() => {});
    this.#sink = undefined;
    await rm(this.#staging, { recursive: true, force: true });
  }

  async finish(keep: boolean): Promise<WriteResult> {
    const sink = this.#sink;
    this.#sink = undefined;
    if (!sink) return { written: [], deleted: [] };
    try {
      if (keep) await sink.put(MANIFEST_FILE, formatManifest(this.#paths));
      await sink.close();
    } catch (cause) {
      await rm(this.#staging, { recursive: true, force: true });
      throw new SiteError(`cannot write the site to ${this.#staging}`, { cause });
    }
    if (!keep) {
      await rm(this.#staging, { recursive: true, force: true });
      return { written: [], deleted: [] };
    }
    const before = new Set(await readManifest(this.#target));
    try {
      const hadPrevious = await rename(this.#target, this.#previous).then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return false;
          throw error;
        },
      );
      await rename(this.#staging, this.#target);
      if (hadPrevious) await rm(this.#previous, { recursive: true, force: true });
    } catch (cause) {
      throw new SiteError(`cannot move the new site into ${this.#target}`, { cause });
    }
    const now = new Set(this.#paths);
    return { written: this.#paths, deleted: [...before].filter((p) => !now.has(p)) };
  }
}

/**
 * Clean up after a build that was killed: its half-written folder goes; if it died between the two
 * renames, the previous site is put back. Folders of builds still running are left alone.
 */
async function recoverInterrupted(target: string): Promise<void> {
  const parent = path.dirname(target);
  const name = path.basename(target);
  const pattern = new RegExp(`^\\.${escapeRegExp(name)}-(building|previous)-(\\d+)$`);
  const leftovers = (await readdir(parent)).map((entry) => ({ entry, match: pattern.exec(entry) }));
  let exists = leftovers.some(({ entry }) => entry === name);
  for (const { entry, match } of leftovers) {
    if (!match || isRunning(Number(match[2]))) continue;
    const leftover = path.join(parent, entry);
    if (match[1] === 'previous' && !exists) {
      await rename(leftover, target);
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
