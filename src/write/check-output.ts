import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { listFilesBelow } from '../list-files.js';
import { problem, type Problem, SiteError } from '../problems.js';

/** A file about to be written, as this stage needs it. */
export interface PlannedFile {
  /** Path inside the output folder, forward slashes. */
  path: string;
  /** Absolute path of the file it is copied from, for static files. */
  source?: string;
}

/**
 * Inside the output folder, the list of files the last build wrote. The next build replaces exactly
 * those; anything else in the folder was put there by hand and is never deleted silently.
 */
export const MANIFEST_FILE = '.looking-glass-build.json';

/** At most this many stray files are listed one by one; the rest are counted. */
const LISTED = 20;

/** The manifest's contents for a list of written files. */
export function formatManifest(paths: readonly string[]): string {
  return `${JSON.stringify({ generator: 'looking-glass', files: [...paths].sort() }, null, 1)}\n`;
}

/**
 * Files in `outDir` that neither this build nor the previous one (by its manifest) writes: a
 * `CNAME` put there by hand, say. The build refuses rather than delete them; they belong in `staticDir`
 * (shown in the hint as given, e.g. "content/static").
 */
export async function findStrayFiles(outDir: string, files: readonly PlannedFile[], displayRoot: string, staticDir: string): Promise<Problem[]> {
  const existing = await listOutput(outDir);
  if (existing.length === 0) return [];
  const ours = new Set([...files.map((f) => f.path), ...(await readManifest(outDir)), MANIFEST_FILE]);
  const stray = existing.filter((file) => !ours.has(file));
  const display = (absolute: string) => path.relative(displayRoot, absolute).split(path.sep).join('/');
  const problems: Problem[] = stray.slice(0, LISTED).map((file) => (problem(
    'stray-output-file', { file: display(path.join(outDir, file)) },
    'this file was not written by the build, and replacing the folder would delete it',
    `if the site needs it, move it to ${staticDir}/${file} (copied to the site on every build, also on GitHub); otherwise delete it`,
  )));
  if (stray.length > LISTED) {
    problems.push(problem(
      'stray-output-file', { file: display(outDir) },
      `and ${stray.length - LISTED} more files the build did not write`,
      'is --out the right folder? The build replaces the whole output folder',
    ));
  }
  return problems;
}

/** Two outputs with the same path: a static file would overwrite a page or an asset. */
export function findDuplicateOutputs(files: readonly PlannedFile[], displayRoot: string): Problem[] {
  const seen = new Map<string, PlannedFile>();
  const problems: Problem[] = [];
  const display = (absolute: string) => path.relative(displayRoot, absolute).split(path.sep).join('/');
  for (const file of files) {
    const first = seen.get(file.path);
    if (!first) {
      seen.set(file.path, file);
      continue;
    }
    const culprit = file.source ?? first.source;
    const other = file.source && first.source ? display(first.source) : 'a page the build renders';
    problems.push(problem(
      'output-collision', { file: culprit ? display(culprit) : file.path },
      `this file would be written to ${file.path}, which ${other} also writes`,
      'rename or move the file, or delete it',
    ));
  }
  return problems;
}

/** Paths the previous build wrote, from its manifest; none when there is no manifest. */
export async function readManifest(outDir: string): Promise<string[]> {
  try {
    const parsed = JSON.parse(await readFile(path.join(outDir, MANIFEST_FILE), 'utf8')) as { files?: unknown };
    return Array.isArray(parsed.files) ? parsed.files.filter((f): f is string => typeof f === 'string') : [];
  } catch {
    return [];
  }
}

/** Every file below the output folder, relative with forward slashes; none when it does not exist. */
async function listOutput(outDir: string): Promise<string[]> {
  let files;
  try {
    files = await listFilesBelow(outDir, { everything: true });
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return [];
    if ((cause as NodeJS.ErrnoException).code === 'ENOTDIR') throw new SiteError(`the output path ${outDir} is a file, not a folder`, { cause });
    throw new SiteError(`cannot list ${outDir}`, { cause });
  }
  return files.map((file) => path.relative(outDir, file).split(path.sep).join('/')).sort();
}
