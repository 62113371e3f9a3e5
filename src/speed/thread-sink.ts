// The writer thread's side on the main thread: a file sink that hands files to src/speed/writer-thread.ts.
// Speed only: without it, src/write/file-sink.ts writes the same files synchronously on this thread.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { SiteError } from '../problems.js';
import { outputPath, type FileSink } from '../write/output-path.js';
import type { WriterMessage, WriterReport } from './writer-protocol.js';

/** From this many files on, a writer thread writes them (below, its start-up costs more than it saves). */
export const WRITER_THREAD_FROM_FILES = 300;
/** Files go to the writer thread in shared buffers of about this many bytes… */
const BATCH_BYTES = 1024 * 1024;
/** …and at most this many bytes wait for the disk (a bound on the memory rendered pages take). */
const MAX_WAITING_BYTES = 16 * 1024 * 1024;
const WRITER_THREAD = new URL('./writer-thread.js', import.meta.url);

/** The compiled writer thread exists (it does not when running from the TypeScript sources). */
export function writerThreadAvailable(): boolean {
  return existsSync(fileURLToPath(WRITER_THREAD));
}

/**
 * Pages are encoded straight into shared memory, which the writer thread reads: no copy of the text
 * in either thread's heap (sending the text itself cost this thread 0.4 s and the writer 115 MiB at
 * 4,000 talks).
 */
export function openThreadSink(root: string, leaves: string[]): FileSink {
  // Loaded when first used, not with the module: worker_threads keeps state of the process it was loaded
  // in, and one loaded while the start-up snapshot is built starts threads that fail ("undefined is not
  // an integer typed array") in the process started from it.
  const { Worker } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
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
  let links: { from: string; target: string }[] = [];
  const flush = () => {
    if (batch.length === 0 && links.length === 0) return;
    send({ type: 'files', batch: batchesOut++, files: batch, links, buffer: buffer.buffer, size: used });
    waitingBytes += used;
    batch = [];
    links = [];
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
    link(relative, from) {
      if (failure) throw fail();
      links.push({ from, target: outputPath(root, relative) });
      // Sent with the next batch of files, or in batches of their own.
      if (links.length >= 512) flush();
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
