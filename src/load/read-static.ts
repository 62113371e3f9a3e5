import { readFileSync } from 'node:fs';
import path from 'node:path';
import { listFilesBelow } from '../list-files.js';
import type { StaticFile } from '../outputs.js';
import { SiteError } from '../problems.js';

/**
 * Every regular file below `dir`, to be copied under `prefix` in the output ("" for the root). Symbolic
 * links are not followed (a link in a pull request could point anywhere on the machine that builds).
 */
export async function listStaticFiles(dir: string, prefix: string): Promise<StaticFile[]> {
  let files;
  try {
    files = (await listFilesBelow(dir)).sort();
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new SiteError(`cannot list ${dir}`, { cause });
  }
  return files.map((file) => ({
    path: prefix + path.relative(dir, file).split(path.sep).join('/'),
    contents: () => readFileSync(file),
    source: file,
  }));
}

/** The site's static files: `templates/assets/` under assets/, `content/static/` at the root. */
export async function listSiteStaticFiles(templatesDir: string, contentDir: string): Promise<StaticFile[]> {
  const [assets, extras] = await Promise.all([
    listStaticFiles(path.join(templatesDir, 'assets'), 'assets/'),
    listStaticFiles(path.join(contentDir, 'static'), ''),
  ]);
  return [...assets, ...extras];
}
