import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fc } from '@fast-check/vitest';
import { expect } from 'vitest';
import { formatProblems, type Problem } from '../../src/problems.js';
import { at } from '../helpers/site.js';
import type { FuzzSite } from './content-arbitraries.js';

/**
 * How many cases a run tries: `npm test` checks 180 content folders and builds 20 (a check renders every
 * page in memory, about 75 ms; a build with every output checked in its format, about 1 s, is what the
 * suite's time budget allows few of); `npm run fuzz` runs FUZZ_RUNS cases (20,000), a fifth of them builds.
 */
const RUNS = process.env.FUZZ_RUNS === undefined ? undefined : Number(process.env.FUZZ_RUNS);
export const BUILDS = RUNS === undefined ? 20 : Math.ceil(RUNS / 5);
export const CHECKS = RUNS === undefined ? 180 : RUNS - BUILDS;
/** Long enough for a case a second. */
export const TIMEOUT_MS = Math.max(600_000, (RUNS ?? 0) * 1000);
/** FUZZ_SEED=n replays a run (fast-check prints the seed of a failing one). */
export const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
/**
 * A case may take this much processor time (the largest generated values are a few hundred kilobytes);
 * processor time, not wall time, so that a loaded machine does not fail a case that is not slow.
 */
export const CASE_MS = 20_000;

/** Processor time of this process since `started` (process.cpuUsage()), in ms. */
export function cpuMsSince(started: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}
/** Past every generated session (no share image to draw for each) or before most of them. */
export const fuzzNow = fc.constantFrom(at('2101-01-01T00:00:00Z'), at('2024-01-01T00:00:00Z'));

/** A hash of every file below a folder, by path: two equal records mean byte-identical trees. */
export async function treeHashes(dir: string): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const file = path.join(entry.parentPath, entry.name);
    hashes[path.relative(dir, file)] = entry.isFile() ? createHash('sha256').update(await readFile(file)).digest('hex') : entry.isDirectory() ? 'folder' : 'other';
  }
  return hashes;
}

async function writeSite(dir: string, site: FuzzSite): Promise<void> {
  for (const [file, contents] of Object.entries(site)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), contents);
  }
}

/** What every report of problems must be: files named, no stack trace. */
export function expectReadable(problems: readonly Problem[]): void {
  expect(formatProblems(problems)).not.toMatch(/\n\s+at \S+ \(/);
  for (const problem of problems) expect(problem.file, problem.message).toMatch(/\S/);
}

/** The folder the cases of one file run in: anything written outside a case's output folder shows. */
export interface FuzzRoot {
  root: string;
  /** Names `root` holds besides `cases/` (and nothing else may appear there). */
  expected: string[];
}

/** A fresh folder for the cases of one file. */
export async function makeFuzzRoot(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'lg-fuzz-'));
  await mkdir(path.join(root, 'cases'));
  return root;
}

/**
 * Run `test` on a case written to a folder of its own under `root/cases/`, removed afterwards; the
 * content must be as written afterwards, and `root` hold nothing new.
 */
export async function inCase(
  { root, expected }: FuzzRoot,
  files: FuzzSite,
  test: (dirs: { dir: string; contentDir: string; outDir: string }) => Promise<void>,
): Promise<void> {
  const dir = await mkdtemp(path.join(root, 'cases', 'case-'));
  try {
    const contentDir = path.join(dir, 'content');
    await writeSite(contentDir, files);
    const contentBefore = await treeHashes(contentDir);
    await test({ dir, contentDir, outDir: path.join(dir, 'public') });
    expect(await treeHashes(contentDir)).toEqual(contentBefore);
    expect((await readdir(root)).sort()).toEqual(['cases', ...expected].sort());
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
