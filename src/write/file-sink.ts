import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { SiteError } from '../problems.js';
import type { WriterMessage, WriterReport } from './writer-protocol.js';

/** Writes files below a folder as they come; `close` waits until all are on disk. */
export interface FileSink {
  put(relative: string, contents: string | Uint8Array): Promise<void> | void;
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

/** From this many files on, a writer thread writes them (below, its start-up costs more than it saves). */
const WRITER_THREAD_FROM_FILES = 300;
/** Files go to the writer thread in shared buffers of about this many bytes… */
const BATCH_BYTES = 1024 * 1024;
/** …and at most this many bytes wait for the disk (a bound on the memory rendered pages take). */
const MAX_WAITING_BYTES = 16 * 1024 * 1024;
const WRITER_THREAD = new URL('./writer-thread.js', import.meta.url);

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
  if (paths.length >= WRITER_THREAD_FROM_FILES && existsSync(fileURLToPath(WRITER_THREAD))) return threadSink(root, leaves);
  for (const dir of leaves) mkdirSync(dir, { recursive: true });
  return {
    put: (relative, contents) => writeFileSync(outputPath(root, relative), contents),
    close: async () => {},
  };
}

/**
 * Pages are encoded straight into shared memory, which the writer thread reads: no copy of the text
 * in either thread's heap (sending the text itself cost this thread 0.4 s and the writer 115 MiB at
 * 4,000 talks).
 */
function threadSink(root: string, leaves: string[]): FileSink {
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
  const fail = () => new SiteError(`cannot write the site: ${failure}`);
  const stop = async () => {
    writer.removeAllListeners('exit');
    await writer.terminate();
  };
  return {
    async put(relative, contents) {
      if (failure) throw fail();
      // UTF-8 takes at most three bytes per UTF-16 code unit.
      const most = typeof contents === 'string' ? contents.length * 3 : contents.byteLength;
      if (used + most > buffer.length) {
        flush();
        buffer = new Uint8Array(new SharedArrayBuffer(Math.max(BATCH_BYTES, most)));
      }
      const start = used;
      if (typeof contents === 'string') used += encoder.encodeInto(contents, buffer.subarray(used)).written;
      else {
        buffer.set(contents, used);
        used += contents.byteLength;
      }
      batch.push({ target: outputPath(root, relative), start, end: used });
      if (used >= BATCH_BYTES) flush();
      while (waitingBytes > MAX_WAITING_BYTES && !failure) await settled();
    },
    async close() {
      try {
        flush();
        while (batchesOut > 0 && !failure) await settled();
        if (failure) throw fail();
      } finally {
        await stop();
      }
    },
  };
}
