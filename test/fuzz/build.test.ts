import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fc, it } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { buildSite, checkSite } from '../../src/build.js';
import { formatProblems, type Problem } from '../../src/problems.js';
import { checkOutputFormats } from '../helpers/outputs.js';
import { at, ROOT, TEMPLATES } from '../helpers/site.js';
import { fuzzSite, type FuzzSite } from './content-arbitraries.js';

/**
 * Cases per run: `npm test` checks 60 content folders and builds 10 (a check renders every page in
 * memory; a build with every output checked in its format costs about ten checks); `npm run fuzz` runs FUZZ_RUNS cases (20,000), a fifth of them builds.
 */
const RUNS = process.env.FUZZ_RUNS === undefined ? undefined : Number(process.env.FUZZ_RUNS);
const BUILDS = RUNS === undefined ? 10 : Math.ceil(RUNS / 5);
const CHECKS = RUNS === undefined ? 60 : RUNS - BUILDS;
/** Long enough for a case a second. */
const TIMEOUT_MS = Math.max(600_000, (RUNS ?? 0) * 1000);
/** FUZZ_SEED=n replays a run (fast-check prints the seed of a failing one). */
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
/** A case may take this long (the largest generated values are a few hundred kilobytes). */
const CASE_MS = 20_000;
/** Past every generated session (no share image to draw for each) or before most of them. */
const NOWS = [at('2101-01-01T00:00:00Z'), at('2024-01-01T00:00:00Z')];

/** A hash of every file below a folder, by path: two equal records mean byte-identical trees. */
async function treeHashes(dir: string): Promise<Record<string, string>> {
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
function expectReadable(problems: readonly Problem[]): void {
  expect(formatProblems(problems)).not.toMatch(/\n\s+at \S+ \(/);
  for (const problem of problems) expect(problem.file, problem.message).toMatch(/\S/);
}

/**
 * #12: whatever a content folder holds, `check` and `build` end with a good site or with problems naming
 * files, within a bounded time, never with an exception (a stack trace for the organizer); nothing is
 * written outside the output folder and nothing in the content changes; a failed build leaves the output
 * folder byte for byte as it was; a good one writes only outputs that parse in their formats; `check`
 * reports the same problems as `build`; and a site with hostile but legal text builds.
 */
describe('fuzzed content folders', () => {
  let root: string;
  let previous: string;
  const counts = { checked: 0, built: 0, stopped: 0 };
  beforeAll(async () => {
    // Every case runs in a folder of its own under `root/cases/`: anything written outside its output
    // folder shows in `root` or in the case's folder.
    root = await mkdtemp(path.join(os.tmpdir(), 'lg-fuzz-'));
    await mkdir(path.join(root, 'cases'));
    // A good site in the output folder before each build, so that a failed one has something to keep.
    previous = path.join(root, 'previous');
    const built = await buildSite({ contentDir: path.join(ROOT, 'test/fixtures/site-basic'), templatesDir: TEMPLATES, outDir: previous, now: NOWS[0]!, displayRoot: ROOT });
    expect(built.ok).toBe(true);
  });
  afterAll(async () => {
    console.log(`fuzzed content folders: ${counts.checked} checked; ${counts.built} built, ${counts.stopped} builds stopped with problems`);
    await rm(root, { recursive: true, force: true });
  });

  /** Run `test` on a case written to a folder of its own, removed afterwards. */
  async function inCase(files: FuzzSite, test: (dirs: { dir: string; contentDir: string; outDir: string }) => Promise<void>) {
    const dir = await mkdtemp(path.join(root, 'cases', 'case-'));
    try {
      const contentDir = path.join(dir, 'content');
      await writeSite(contentDir, files);
      const contentBefore = await treeHashes(contentDir);
      await test({ dir, contentDir, outDir: path.join(dir, 'public') });
      expect(await treeHashes(contentDir)).toEqual(contentBefore);
      expect((await readdir(root)).sort()).toEqual(['cases', 'previous']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  it.prop([fuzzSite, fc.constantFrom(...NOWS)], { numRuns: CHECKS, seed: SEED })('are checked: problems naming files, or none for a legal site; nothing written', async ({ mode, files }, now) =>
    inCase(files, async ({ dir, contentDir }) => {
      const started = performance.now();
      const { problems } = await checkSite({ contentDir, templatesDir: TEMPLATES, now, displayRoot: dir });
      expect(performance.now() - started).toBeLessThan(CASE_MS);
      expectReadable(problems);
      if (mode === 'legal') expect(problems.filter((p) => p.severity === 'error'), formatProblems(problems)).toEqual([]);
      expect(await readdir(dir)).toEqual(['content']);
      counts.checked++;
    }), TIMEOUT_MS);

  it.prop([fuzzSite, fc.constantFrom(...NOWS)], { numRuns: BUILDS, seed: SEED })('are built into a good site or stopped, never an exception, a file outside the output folder or a broken output', async ({ mode, files }, now) =>
    inCase(files, async ({ dir, contentDir, outDir }) => {
      await cp(previous, outDir, { recursive: true });
      const outBefore = await treeHashes(outDir);
      const options = { contentDir, templatesDir: TEMPLATES, outDir, now, displayRoot: dir };
      const started = performance.now();
      const result = await buildSite(options);
      expect(performance.now() - started).toBeLessThan(CASE_MS);
      expectReadable(result.problems);
      expect((await readdir(dir)).sort()).toEqual(['content', 'public']);
      expect((await checkSite(options)).problems).toEqual(result.problems);
      // A legal site (hostile text in the right slots) builds: a problem there is a false alarm or a bug.
      if (mode === 'legal') expect(result.ok, formatProblems(result.problems)).toBe(true);
      if (result.ok) {
        counts.built++;
        expect(await checkOutputFormats(outDir)).toEqual([]);
      } else {
        counts.stopped++;
        expect(result.problems.some((p) => p.severity === 'error')).toBe(true);
        expect(await treeHashes(outDir)).toEqual(outBefore);
      }
    }), TIMEOUT_MS);
});
