import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { listFilesBelow } from '../list-files.js';
import { SiteError } from '../problems.js';

/** A file copied into the output as it is. */
export interface StaticFile {
  /** Path inside the output folder. */
  path: string;
  contents: Uint8Array;
  /** Absolute path it is copied from, for messages about it. */
  source: string;
}

/** Every file below `dir`, to be copied under `prefix` in the output ("" for the root). */
export async function readStaticFiles(dir: string, prefix: string): Promise<StaticFile[]> {
  let files;
  try {
    files = (await listFilesBelow(dir)).sort();
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new SiteError(`cannot list ${dir}`, { cause });
  }
  return Promise.all(
    files.map(async (file) => ({
      path: prefix + path.relative(dir, file).split(path.sep).join('/'),
      contents: await readFile(file),
      source: file,
    })),
  );
}

/** The site's static files: `templates/assets/` under assets/, `content/static/` at the root. */
export async function readSiteStaticFiles(templatesDir: string, contentDir: string): Promise<StaticFile[]> {
  const [assets, extras] = await Promise.all([
    readStaticFiles(path.join(templatesDir, 'assets'), 'assets/'),
    readStaticFiles(path.join(contentDir, 'static'), ''),
  ]);
  return [...assets, ...extras];
}
