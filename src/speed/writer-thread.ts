// The writer thread: creates folders and writes files, synchronously, as the main thread sends them.
// Its only work is system calls, so the disk's time (slow here: 6,700 files took 1.6–7 s on ext4)
// is spent on the second core while the main thread renders the next pages.
import { mkdirSync, writeFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { linkOrCopy } from '../write/link-or-copy.js';
import type { WriterMessage, WriterReport } from './writer-protocol.js';

const port = parentPort!;
const report = (message: WriterReport) => port.postMessage(message);
let failed = false;

port.on('message', (message: WriterMessage) => {
  if (failed) return;
  try {
    if (message.type === 'folders') {
      for (const dir of message.dirs) mkdirSync(dir, { recursive: true });
    } else {
      const bytes = new Uint8Array(message.buffer);
      for (const file of message.files) writeFileSync(file.target, bytes.subarray(file.start, file.end));
      for (const link of message.links) linkOrCopy(link.from, link.target);
      report({ type: 'written', batch: message.batch, size: message.size });
    }
  } catch (error) {
    failed = true;
    report({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
});
