/** Main thread to writer thread. */
export type WriterMessage =
  /** Create these folders (recursive), before any file is written into them. */
  | { type: 'folders'; dirs: string[] }
  /** Write these files (text is written as UTF-8); `size` counts their characters and bytes. */
  | { type: 'files'; batch: number; files: { target: string; contents: string | Uint8Array }[]; size: number };

/** Writer thread to main thread. */
export type WriterReport =
  | { type: 'written'; batch: number; size: number }
  /** A folder or file could not be written; the writer does nothing more. */
  | { type: 'failed'; message: string };
