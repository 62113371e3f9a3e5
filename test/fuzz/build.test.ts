import { cp, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { it } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { buildSite, checkSite } from '../../src/build.js';
import { formatProblems } from '../../src/problems.js';
import { checkOutputFormats } from '../helpers/outputs.js';
import { at, ROOT, TEMPLATES } from '../helpers/site.js';
import { fuzzSite } from './content-arbitraries.js';
import { BUILDS, CASE_MS, cpuMsSince, expectReadable, fuzzNow, inCase, makeFuzzRoot, SEED, TIMEOUT_MS, treeHashes, type FuzzRoot } from './fuzz-case.js';

/**
 * #12: whatever a content folder holds, `build` ends with a good site or with problems naming files,
 * within a bounded time, never with an exception (a stack trace for the organizer); nothing is written
 * outside the output folder and nothing in the content changes; a failed build leaves the output folder
 * byte for byte as it was; a good one writes only outputs that parse in their formats; `check` reports
 * the same problems as `build`; and a site with hostile but legal text builds.
 */
describe('fuzzed content folders, built', () => {
  let where: FuzzRoot;
  let previous: string;
  let built = 0;
  let stopped = 0;
  beforeAll(async () => {
    where = { root: await makeFuzzRoot(), expected: ['previous'] };
    // A good site in the output folder before each build, so that a failed one has something to keep.
    previous = path.join(where.root, 'previous');
    const result = await buildSite({ contentDir: path.join(ROOT, 'test/fixtures/site-basic'), templatesDir: TEMPLATES, outDir: previous, now: at('2101-01-01T00:00:00Z'), displayRoot: ROOT });
    expect(result.ok).toBe(true);
  });
  afterAll(async () => {
    console.log(`fuzzed content folders: ${built} built, ${stopped} builds stopped with problems`);
    await rm(where.root, { recursive: true, force: true });
  });

  it.prop([fuzzSite, fuzzNow], { numRuns: BUILDS, seed: SEED })('are built into a good site or stopped, never an exception, a file outside the output folder or a broken output', async ({ mode, files }, now) =>
    inCase(where, files, async ({ dir, contentDir, outDir }) => {
      await cp(previous, outDir, { recursive: true });
      const outBefore = await treeHashes(outDir);
      const options = { contentDir, templatesDir: TEMPLATES, outDir, now, displayRoot: dir };
      const started = process.cpuUsage();
      const result = await buildSite(options);
      expect(cpuMsSince(started)).toBeLessThan(CASE_MS);
      expectReadable(result.problems);
      expect((await readdir(dir)).sort()).toEqual(['content', 'public']);
      expect((await checkSite(options)).problems).toEqual(result.problems);
      // A legal site (hostile text in the right slots) builds: a problem there is a false alarm or a bug.
      if (mode === 'legal') expect(result.ok, formatProblems(result.problems)).toBe(true);
      if (result.ok) {
        built++;
        expect(await checkOutputFormats(outDir)).toEqual([]);
      } else {
        stopped++;
        expect(result.problems.some((p) => p.severity === 'error')).toBe(true);
        expect(await treeHashes(outDir)).toEqual(outBefore);
      }
    }), TIMEOUT_MS);
});
