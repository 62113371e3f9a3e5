import path from 'node:path';
import { SiteError } from '../problems.js';

/** Writes files below a folder as they come; `close` waits until all are on disk. */
export interface FileSink {
  put(relative: string, contents: string | Uint8Array): Promise<void> | void;
  /** Put the file at the absolute path `from` at `relative` too: a hard link, or a copy where links fail. */
  link(relative: string, from: string): Promise<void> | void;
  close(): Promise<void>;
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
