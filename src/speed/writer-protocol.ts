/** Main thread to writer thread. */
export type WriterMessage =
  /** Create these folders (recursive), before any file is written into them. */
  | { type: 'folders'; dirs: string[] }
  /**
   * Write these files: each is the bytes from `start` to `end` of the shared buffer; `size` is the bytes
   * used. Put each file `from` of `links` at its `target` too.
   */
  | { type: 'files'; batch: number; files: { target: string; start: number; end: number }[]; links: { from: string; target: string }[]; buffer: SharedArrayBuffer; size: number };

/** Writer thread to main thread. */
export type WriterReport =
  | { type: 'written'; batch: number; size: number }
  /** A folder or file could not be written; the writer does nothing more. */
  | { type: 'failed'; message: string };
