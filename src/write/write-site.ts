import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SiteError } from '../problems.js';
import type { OutputFile } from '../render/render-site.js';

/**
 * Write the site into a fresh folder beside `outDir`, then swap it in with two renames.
 * Until the swap, `outDir` is untouched; a failed or interrupted build leaves it as it was.
 */
export async function writeSiteAtomically(outDir: string, files: readonly OutputFile[]): Promise<void> {
  const parent = path.dirname(path.resolve(outDir));
  const name = path.basename(path.resolve(outDir));
  const staging = path.join(parent, `.${name}.building-${process.pid}`);
  const previous = path.join(parent, `.${name}.previous-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  try {
    await mkdir(staging, { recursive: true });
    await writeFiles(staging, files);
  } catch (cause) {
    await rm(staging, { recursive: true, force: true });
    throw new SiteError(`cannot write the site to ${staging}`, { cause });
  }
  try {
    const hadPrevious = await rename(outDir, previous).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false;
        throw error;
      },
    );
    await rename(staging, outDir);
    if (hadPrevious) await rm(previous, { recursive: true, force: true });
  } catch (cause) {
    throw new SiteError(`cannot move the new site into ${outDir}`, { cause });
  }
}

/** Write files under `root`, creating folders once each. */
export async function writeFiles(root: string, files: readonly OutputFile[]): Promise<void> {
  const dirs = new Set(files.map((file) => path.dirname(path.join(root, file.path))));
  for (const dir of [...dirs].sort()) await mkdir(dir, { recursive: true });
  let next = 0;
  // A bounded number of writes in flight keeps file handles and memory in check.
  const workers = Array.from({ length: 32 }, async () => {
    for (let file = files[next++]; file; file = files[next++]) {
      await writeFile(path.join(root, file.path), file.contents);
    }
  });
  await Promise.all(workers);
}
