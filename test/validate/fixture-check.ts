import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { checkSite } from '../../src/build.js';
import type { Problem } from '../../src/problems.js';
import { parseNow } from '../../src/time.js';

/** The test fixtures. */
export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
/** The valid minimal site that every invalid fixture is a copy of. */
export const SITE_BASIC = path.join(FIXTURES, 'site-basic');
/** After the fixture's one session (25 March 2024), so that its talk is past. */
export const FIXTURE_NOW = parseNow('2024-06-01T12:00:00+02:00')!;

/** The real templates. */
const TEMPLATES = path.resolve(import.meta.dirname, '../../templates');

/** Check a content folder as `check` does, with the real templates; file paths in problems are relative to it. */
export async function checkFolder(contentDir: string): Promise<Problem[]> {
  const { problems } = await checkSite({ contentDir, templatesDir: TEMPLATES, now: FIXTURE_NOW, displayRoot: contentDir });
  return problems;
}

/** One edit to a copy of site-basic: replace text in a file, or write (or, with null, delete) the file. */
export type Edit = [file: string, change: ((text: string) => string | Uint8Array | null) | [from: string | RegExp, to: string]];

/** Validate a temporary copy of site-basic with edits applied. */
export async function checkEdited(edits: Edit[]): Promise<Problem[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lg-mistake-'));
  try {
    await cp(SITE_BASIC, dir, { recursive: true });
    for (const [file, change] of edits) {
      const target = path.join(dir, file);
      const text = await readFile(target, 'utf8').catch(() => '');
      const next = typeof change === 'function' ? change(text) : replaceOnce(text, change[0], change[1], file);
      if (next === null) await rm(target);
      else await mkdir(path.dirname(target), { recursive: true }).then(() => writeFile(target, next));
    }
    return await checkFolder(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function replaceOnce(text: string, from: string | RegExp, to: string, file: string): string {
  const next = text.replace(from, to);
  if (next === text) throw new Error(`edit of ${file} changed nothing: ${String(from)}`);
  return next;
}

/** The problems as `code file:line`, the parts the tests assert (never the wording). */
export function where(problems: readonly Problem[]): string[] {
  return problems.map((p) => `${p.code} ${p.file}${p.line === undefined ? '' : `:${p.line}`}`);
}
