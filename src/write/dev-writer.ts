import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RenderedFile, SiteFiles } from '../outputs.js';
import type { Problem } from '../problems.js';
import { findDuplicateOutputs, formatManifest, MANIFEST_FILE } from './check-output.js';
import { AtomicDiskWriter } from './disk-writer.js';
import { outputPath } from './output-path.js';
import { sameBytes, type PlannedPath, type WriteResult, type Writer } from './writer.js';

/**
 * The writer of `dev`: the last good site in memory, where the server reads it, and on disk. The first
 * build is written as a full build writes (atomically, refusing stray files); after that a rebuild puts
 * only the outputs it rendered, and only files whose bytes changed are written, and files no longer
 * planned are deleted, so the folder stays byte-identical to a full build.
 *
 * An output can also be deferred: rendered when it is first read, or in the background one per turn of
 * the event loop (a big site's site-wide pages take a second, the edited talk's pages milliseconds).
 */
export class DevWriter implements Writer, SiteFiles {
  readonly #outDir: string;
  readonly #contentDir: string;
  readonly #onDeferredError: (error: unknown, path: string) => void;
  readonly #outputs = new Map<string, string | Uint8Array>();
  readonly #deferred = new Map<string, () => string | Uint8Array>();
  #first: AtomicDiskWriter | undefined;
  #planned = new Set<string>();
  #next = new Map<string, string | Uint8Array>();
  #nextDeferred = new Map<string, () => string | Uint8Array>();
  #background: NodeJS.Immediate | undefined;

  constructor(outDir: string, contentDir: string, onDeferredError: (error: unknown, path: string) => void = () => {}) {
    this.#outDir = outDir;
    this.#contentDir = contentDir;
    this.#onDeferredError = onDeferredError;
  }

  async begin(paths: readonly PlannedPath[], displayRoot: string): Promise<Problem[]> {
    // The edit's own pages first: background rendering waits until this rebuild is done.
    this.pauseBackground();
    this.#next = new Map();
    this.#nextDeferred = new Map();
    this.#planned = new Set(paths.map((p) => p.path));
    if (this.#outputs.size > 0) return findDuplicateOutputs(paths, displayRoot);
    this.#first = new AtomicDiskWriter(this.#outDir, this.#contentDir);
    return this.#first.begin(paths, displayRoot);
  }

  async put(file: RenderedFile): Promise<void> {
    this.#next.set(file.path, file.contents);
    await this.#first?.put(file);
  }

  /** Render this output later: when it is first read, or in the background. */
  defer(file: string, render: () => string | Uint8Array): void {
    this.#nextDeferred.set(file, render);
  }

  async finish(keep: boolean): Promise<WriteResult> {
    const first = this.#first;
    this.#first = undefined;
    if (!keep) {
      await first?.finish(false);
      this.resumeBackground();
      return { written: [], deleted: [] };
    }
    let written: string[];
    let deleted: string[] = [];
    if (first) {
      await first.finish(true);
      written = [...this.#next.keys()];
    } else {
      written = [...this.#next].filter(([p, contents]) => !sameBytes(this.#outputs.get(p), contents)).map(([p]) => p);
      deleted = [...this.#outputs.keys()].filter((p) => !this.#planned.has(p));
      await Promise.all(
        written.map(async (p) => {
          const target = outputPath(this.#outDir, p);
          await mkdir(path.dirname(target), { recursive: true });
          await writeFile(target, this.#next.get(p)!);
        }),
      );
      await Promise.all(deleted.map((p) => rm(outputPath(this.#outDir, p), { force: true })));
      // Keep the build's list of its files true, so that a later full build does not take files added
      // here for files someone else put in the output folder.
      if (written.some((p) => !this.#outputs.has(p)) || deleted.length > 0) {
        await writeFile(path.join(this.#outDir, MANIFEST_FILE), formatManifest([...this.#planned]));
      }
    }
    for (const p of deleted) this.#outputs.delete(p);
    for (const p of written) this.#outputs.set(p, this.#next.get(p)!);
    // Rendered now: a page still deferred from an earlier edit is superseded. Pages this build neither
    // rendered nor deferred (a stylesheet edit touches none) stay deferred.
    for (const p of this.#next.keys()) this.#deferred.delete(p);
    for (const [p, render] of this.#nextDeferred) this.#deferred.set(p, render);
    for (const p of this.#deferred.keys()) if (!this.#planned.has(p)) this.#deferred.delete(p);
    this.resumeBackground();
    return { written, deleted };
  }

  /** How many outputs wait to be rendered. */
  get deferredCount(): number {
    return this.#deferred.size;
  }

  /** Whether the last good site has a file at `p`, rendered or deferred. */
  has(p: string): boolean {
    return this.#outputs.has(p) || this.#deferred.has(p);
  }

  /** A file of the last good site, as the server reads it: a deferred output is rendered on first read. */
  read(p: string): string | Uint8Array | undefined {
    this.#renderDeferred(p);
    return this.#outputs.get(p);
  }

  /** Render and write every deferred output now. */
  settle(): void {
    this.pauseBackground();
    for (const p of [...this.#deferred.keys()]) this.#renderDeferred(p);
  }

  /** Render one deferred output and write it if its bytes changed. */
  #renderDeferred(p: string): void {
    const render = this.#deferred.get(p);
    if (!render) return;
    this.#deferred.delete(p);
    let contents;
    try {
      contents = render();
    } catch (error) {
      this.#onDeferredError(error, p);
      return;
    }
    if (sameBytes(this.#outputs.get(p), contents)) return;
    this.#outputs.set(p, contents);
    const target = outputPath(this.#outDir, p);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, contents);
  }

  /** Stop rendering deferred outputs in the background: a rebuild's own pages come first. */
  pauseBackground(): void {
    if (this.#background) clearImmediate(this.#background);
    this.#background = undefined;
  }

  /** Render deferred outputs in the background again, one per turn of the event loop, so that requests and saves are served between them. */
  resumeBackground(): void {
    const next = () => {
      this.#background = undefined;
      const first = this.#deferred.keys().next();
      if (first.done) return;
      this.#renderDeferred(first.value);
      if (this.#deferred.size > 0) this.#background = setImmediate(next);
    };
    if (this.#deferred.size > 0) this.#background ??= setImmediate(next);
  }
}
