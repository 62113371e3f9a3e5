import type { RenderedFile } from '../outputs.js';
import type { Problem } from '../problems.js';
import { findDuplicateOutputs } from './check-output.js';

/** A file a build will write, as the writer checks it before anything is written. */
export interface PlannedPath {
  /** Path inside the output folder, forward slashes. */
  path: string;
  /** Absolute path of the file it is copied from, for static files. */
  source?: string;
}

/** What a finished write did. */
export interface WriteResult {
  /** Paths whose bytes are new or changed. */
  written: string[];
  /** Paths of the previous output that no longer exist. */
  deleted: string[];
}

/**
 * Where a build's files go: the last step of the pipeline. `begin` learns every path the build will
 * write and reports what stops it (two outputs on one path, files in the output folder no build wrote);
 * `put` takes the files as they are rendered; `finish` makes them the site, or discards them.
 */
export interface Writer {
  begin(paths: readonly PlannedPath[], displayRoot: string): Promise<Problem[]>;
  put(file: RenderedFile): Promise<void> | void;
  /**
   * Where the writer can: put the file the last build wrote at `path` again, unchanged (a repeat build
   * that found its inputs unchanged).
   */
  reuse?(path: string): Promise<void> | void;
  finish(keep: boolean): Promise<WriteResult>;
}

/** Keeps the files in memory: `check` (which writes nothing) and tests. */
export class MemoryWriter implements Writer {
  /** The files of the last kept write, by path. */
  readonly files = new Map<string, string | Uint8Array>();
  #next = new Map<string, string | Uint8Array>();

  async begin(paths: readonly PlannedPath[], displayRoot: string): Promise<Problem[]> {
    this.#next = new Map();
    return findDuplicateOutputs(paths, displayRoot);
  }

  put(file: RenderedFile): void {
    this.#next.set(file.path, file.contents);
  }

  async finish(keep: boolean): Promise<WriteResult> {
    if (!keep) return { written: [], deleted: [] };
    const deleted = [...this.files.keys()].filter((p) => !this.#next.has(p));
    this.files.clear();
    for (const [p, contents] of this.#next) this.files.set(p, contents);
    return { written: [...this.#next.keys()], deleted };
  }
}

/** Whether two versions of a file have the same bytes. */
export function sameBytes(a: string | Uint8Array | undefined, b: string | Uint8Array): boolean {
  if (a === undefined) return false;
  if (typeof a === 'string' && typeof b === 'string') return a === b;
  return Buffer.from(a).equals(Buffer.from(b));
}
