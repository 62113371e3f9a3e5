import { readdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * Absolute paths of the files below `dir` (with `everything`, also symbolic links and the like: all
 * but folders), in no particular order. Folders are read concurrently: Node 20's
 * `readdir({ recursive: true })` reads them one after the other, which took 350 ms for 1,300 folders
 * here (this: 60 ms). Errors (ENOENT, ENOTDIR) reach the caller.
 */
export async function listFilesBelow(dir: string, { everything = false } = {}): Promise<string[]> {
  const files: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true });
    const subfolders: Promise<void>[] = [];
    for (const entry of entries) {
      const absolute = path.join(folder, entry.name);
      if (entry.isDirectory()) subfolders.push(walk(absolute));
      else if (everything || entry.isFile()) files.push(absolute);
    }
    await Promise.all(subfolders);
  };
  await walk(dir);
  return files;
}
