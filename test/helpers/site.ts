import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { afterEach, expect } from 'vitest';
import { buildSite, type BuildOptions } from '../../src/build.js';
import { parseNow } from '../../src/time.js';

/** The repository root. */
export const ROOT = path.resolve(import.meta.dirname, '../..');
/**
 * A frozen copy of the real content as of November 2026 (S01–S09 past, S10 announced without a date).
 * Tests assert facts of this copy; the live content/ changes every few weeks and is only built
 * (test/live-content.test.ts).
 */
export const FROZEN_CONTENT = path.join(ROOT, 'test/fixtures/real-2026-11');
/** The real templates. */
export const TEMPLATES = path.join(ROOT, 'templates');

/** A `now` for tests, from an ISO string with offset. */
export function at(iso: string) {
  const now = parseNow(iso);
  if (!now) throw new Error(`bad test instant ${iso}`);
  return now;
}

/** A fresh temporary folder, removed by the returned cleanup. */
export async function tempDir(prefix = 'lg-test-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A maker of temp folders for the tests of a file: each folder made during a test is removed after it. */
export function tempDirsPerTest(prefix?: string): () => Promise<string> {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
  });
  return async () => {
    const { dir, cleanup } = await tempDir(prefix);
    cleanups.push(cleanup);
    return dir;
  };
}

/** Expect two folders to hold the same files with the same bytes (an incremental result against a full build). */
export async function expectSameFiles(expected: string, actual: string): Promise<void> {
  const listFiles = async (dir: string) =>
    (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
      .sort();
  const files = await listFiles(expected);
  expect(await listFiles(actual)).toEqual(files);
  for (const file of files) {
    const [a, b] = await Promise.all([readFile(path.join(expected, file)), readFile(path.join(actual, file))]);
    expect(a.equals(b), file).toBe(true);
  }
}

/** A built site in a temp folder, with helpers to read its pages. */
export interface BuiltSite {
  out: string;
  result: Awaited<ReturnType<typeof buildSite>>;
  read(relative: string): Promise<string>;
  html(relative: string): Promise<HTMLElement>;
  cleanup(): Promise<void>;
}

/** Build `content` (the frozen real content by default) at `now` into a temp folder. */
export async function buildAt(now: string, options: Partial<BuildOptions> = {}): Promise<BuiltSite> {
  const { dir, cleanup } = await tempDir();
  const out = path.join(dir, 'public');
  const result = await buildSite({
    contentDir: FROZEN_CONTENT,
    templatesDir: TEMPLATES,
    outDir: out,
    now: at(now),
    displayRoot: ROOT,
    ...options,
  });
  const read = (relative: string) => readFile(path.join(out, relative), 'utf8');
  return { out, result, read, html: async (relative) => parse(await read(relative)), cleanup };
}

/** Text of an element with whitespace collapsed. */
export function textOf(element: HTMLElement | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
