import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openThreadSink, WRITER_THREAD_FROM_FILES, writerThreadAvailable } from '../speed/thread-sink.js';
import { linkOrCopy } from './link-or-copy.js';
import { outputPath, type FileSink } from './output-path.js';

/**
 * A sink for the files at `paths` (relative to `root`), whose folders are made first, one call per
 * deepest folder. Many files: written by a writer thread, so that the disk's time is spent on the
 * second core while this thread renders. Few (or when running from the TypeScript sources, which have no
 * compiled writer): synchronous calls on this thread, which beat libuv's pool (async writes cost this
 * thread 3–4 times the CPU of sync ones here).
 */
export function openFileSink(root: string, paths: readonly string[]): FileSink {
  const dirs = [...new Set(paths.map((p) => path.dirname(outputPath(root, p))))].sort();
  const leaves = dirs.filter((dir, i) => !dirs[i + 1]?.startsWith(dir + path.sep));
  if (paths.length >= WRITER_THREAD_FROM_FILES && writerThreadAvailable()) return openThreadSink(root, leaves);
  for (const dir of leaves) mkdirSync(dir, { recursive: true });
  return {
    put: (relative, contents) => writeFileSync(outputPath(root, relative), contents),
    link: (relative, from) => linkOrCopy(from, outputPath(root, relative)),
    close: async () => {},
  };
}
