import { statSync } from 'node:fs';
import { watch } from 'chokidar';

/** A running watcher; `close` stops it. */
export interface ContentWatcher {
  close(): Promise<void>;
}

/**
 * Watch folders and hand over changed paths in batches: a burst of saves (or an editor's
 * write-then-rename) becomes one batch, and a batch never starts while the previous one runs;
 * changes seen meanwhile make exactly one more batch. The watcher drops a file's change that follows its
 * last reported one within 50 ms (chokidar 5 throttles, it does not coalesce): each file of a batch is
 * looked at again once the batch is done and once more after that window, and goes into the next batch
 * if it changed.
 */
export function watchForChanges(
  paths: string[],
  options: { ignored: (path: string) => boolean; debounceMs?: number },
  onBatch: (changed: string[]) => Promise<void>,
): Promise<ContentWatcher> {
  const watcher = watch(paths, { ignoreInitial: true, atomic: true, ignored: options.ignored });
  const debounceMs = options.debounceMs ?? 40;
  /** Longer than the watcher's own throttle of a file's changes (50 ms). */
  const recheckMs = 120;
  const rechecks = new Set<NodeJS.Timeout>();
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const flush = async () => {
    timer = undefined;
    if (running || pending.size === 0) return;
    const batch = [...pending].sort();
    pending = new Set();
    running = (async () => {
      // Taken synchronously, before anything of the batch is read: a save after this shows as a difference.
      const before = batch.map(fingerprintNow);
      await onBatch(batch);
      const after = batch.map(fingerprintNow);
      batch.forEach((file, i) => after[i] !== before[i] && pending.add(file));
      const recheck = setTimeout(() => {
        rechecks.delete(recheck);
        batch.forEach((file, i) => after[i] === before[i] && fingerprintNow(file) !== after[i] && schedule(file));
      }, recheckMs);
      rechecks.add(recheck);
    })().finally(() => {
      running = undefined;
      if (pending.size > 0 && !timer) void flush();
    });
  };
  const schedule = (file: string) => {
    pending.add(file);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flush(), debounceMs);
  };
  // A folder made or removed too: under load the watcher can miss the files of a folder made a moment
  // before them (mkdir, then a file in it); the folder's event still makes a rebuild that lists them.
  for (const name of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) {
    watcher.on(name, (file: string) => {
      if (!isEditorTempFile(file)) schedule(file);
    });
  }

  return new Promise((resolve, reject) => {
    watcher.once('ready', () =>
      resolve({
        async close() {
          if (timer) clearTimeout(timer);
          rechecks.forEach(clearTimeout);
          await watcher.close();
          await running;
        },
      }),
    );
    watcher.once('error', reject);
  });
}

/** What says a file changed: its modification time and size ("" once it is gone). */
function fingerprintNow(file: string): string {
  try {
    const stats = statSync(file);
    return `${stats.mtimeMs} ${stats.size}`;
  } catch {
    return '';
  }
}

/** Editors' swap and backup files, and the temp file of a write-then-rename save. */
export function isEditorTempFile(file: string): boolean {
  const name = file.split(/[\\/]/).at(-1) ?? file;
  return /^\.|^#|~$|\.(tmp|swp|swx|swo|bak|crswap)$|^4913$/.test(name);
}
