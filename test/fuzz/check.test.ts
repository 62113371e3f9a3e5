import { readdir, rm } from 'node:fs/promises';
import { it } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { checkSite } from '../../src/build.js';
import { formatProblems } from '../../src/problems.js';
import { TEMPLATES } from '../helpers/site.js';
import { fuzzSite } from './content-arbitraries.js';
import { CASE_MS, cpuMsSince, CHECKS, expectReadable, fuzzNow, inCase, makeFuzzRoot, SEED, TIMEOUT_MS, type FuzzRoot } from './fuzz-case.js';

/**
 * #12: whatever a content folder holds, `check` ends with problems naming files (none that are errors
 * for a legal site), within a bounded time, never with an exception, and writes nothing at all.
 */
describe('fuzzed content folders, checked', () => {
  let where: FuzzRoot;
  let checked = 0;
  beforeAll(async () => {
    where = { root: await makeFuzzRoot(), expected: [] };
  });
  afterAll(async () => {
    console.log(`fuzzed content folders: ${checked} checked`);
    await rm(where.root, { recursive: true, force: true });
  });

  it.prop([fuzzSite, fuzzNow], { numRuns: CHECKS, seed: SEED })('are checked: problems naming files, or none for a legal site; nothing written', async ({ mode, files }, now) =>
    inCase(where, files, async ({ dir, contentDir }) => {
      const started = process.cpuUsage();
      const { problems } = await checkSite({ contentDir, templatesDir: TEMPLATES, now, displayRoot: dir });
      expect(cpuMsSince(started)).toBeLessThan(CASE_MS);
      expectReadable(problems);
      if (mode === 'legal') expect(problems.filter((p) => p.severity === 'error'), formatProblems(problems)).toEqual([]);
      expect(await readdir(dir)).toEqual(['content']);
      checked++;
    }), TIMEOUT_MS);
});
