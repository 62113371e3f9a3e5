/** Main thread to writer thread. */
export type WriterMessage =
  /** Create these folders (recursive), before any file is written into them. */
  | { type: 'folders'; dirs: string[] }
  /** Write these files; the bytes' buffers are transferred, not copied. */
  | { type: 'files'; batch: number; files: { target: string; bytes: Uint8Array }[] };

/** Writer thread to main thread. */
export type WriterReport =
  | { type: 'written'; batch: number; bytes: number }
  /** A folder or file could not be written; the writer does nothing more. */
  | { type: 'failed'; message: string };
