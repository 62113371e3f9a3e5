import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Every file below `dir` with its bytes (base64), to compare a folder byte for byte. */
export async function snapshotFolder(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => !e.isDirectory()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
  const snapshot: Record<string, string> = {};
  for (const file of files.sort()) snapshot[file] = (await readFile(path.join(dir, file))).toString('base64');
  return snapshot;
}
