import { cp, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, checkSite } from '../src/build.js';
import { createIncrementalBuilder } from '../src/dev/incremental.js';
import { sortProblems, type Problem } from '../src/problems.js';
import { at, ROOT, TEMPLATES, tempDir } from './helpers/site.js';

const INVALID = path.join(ROOT, 'test/fixtures/invalid');
const FIXTURES = (await readdir(INVALID)).sort();
const NOW = at('2024-06-01T12:00:00+02:00');
const lines = (problems: readonly Problem[]) => sortProblems(problems).map((p) => `${p.code} ${p.file}:${p.line ?? ''} ${p.message}`);

/** The problems `build`, `check` and `dev` report for one content folder. */
async function problemsOfEachCommand(contentDir: string) {
  const { dir, cleanup } = await tempDir('lg-same-');
  try {
    const options = { contentDir, templatesDir: TEMPLATES, now: NOW, displayRoot: contentDir };
    const build = await buildSite({ ...options, outDir: path.join(dir, 'build') });
    const check = await checkSite(options);
    const dev = await createIncrementalBuilder({ ...options, outDir: path.join(dir, 'dev') }).build();
    return { build: lines(build.problems), check: lines(check.problems), dev: lines(dev.problems), ok: [build.ok, dev.ok] };
  } finally {
    await cleanup();
  }
}

describe('#12 build, check and dev report the same problems for the same content', () => {
  it.each(FIXTURES)('fixtures/invalid/%s', async (name) => {
    const found = await problemsOfEachCommand(path.join(INVALID, name));
    expect(found.build.length).toBeGreaterThan(0);
    expect(found.check).toEqual(found.build);
    expect(found.dev).toEqual(found.build);
  });

  it('a static file on the path of a page', async () => {
    const { dir, cleanup } = await tempDir('lg-same-static-');
    try {
      await cp(path.join(ROOT, 'test/fixtures/site-basic'), dir, { recursive: true });
      await mkdir(path.join(dir, 'static/webinar'), { recursive: true });
      await writeFile(path.join(dir, 'static/webinar/index.html'), '<p>not the webinar page</p>\n');
      const found = await problemsOfEachCommand(dir);
      expect(found.build.map((line) => line.split(' ').slice(0, 2).join(' '))).toEqual(['output-collision static/webinar/index.html:']);
      expect(found.check).toEqual(found.build);
      expect(found.dev).toEqual(found.build);
      expect(found.ok).toEqual([false, false]);
    } finally {
      await cleanup();
    }
  });
});
