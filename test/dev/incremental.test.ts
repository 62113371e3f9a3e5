import { readFileSync } from 'node:fs';
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build.js';
import { createIncrementalBuilder, type IncrementalBuilder } from '../../src/dev/incremental.js';
import { at, FROZEN_CONTENT, expectSameFiles, TEMPLATES, tempDir } from '../helpers/site.js';

const NOW = '2024-03-20T12:00:00+01:00';

/** The real content in a temp folder, with a builder that defers site-wide pages from one session on. */
describe('incremental builder: a big site renders site-wide pages after the edit', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let content: string;
  let out: string;
  let builder: IncrementalBuilder;
  const errors: string[] = [];
  const talk = () => path.join(content, 'seasons/s02/s02e01-simpson.md');

  /** A second builder over the same content, with a copy of the templates to edit and an output of its own. */
  async function builderWithOwnTemplates(name: string) {
    const templatesDir = path.join(dir, `templates-${name}`);
    const outDir = path.join(dir, `public-${name}`);
    await cp(TEMPLATES, templatesDir, { recursive: true });
    const own = createIncrementalBuilder({ contentDir: content, templatesDir, outDir, now: at(NOW), displayRoot: dir }, { deferSiteWideFrom: 1 });
    expect((await own.build()).ok).toBe(true);
    return { templatesDir, outDir, builder: own };
  }

  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir('lg-incremental-'));
    content = path.join(dir, 'content');
    out = path.join(dir, 'public');
    await cp(FROZEN_CONTENT, content, { recursive: true });
    builder = createIncrementalBuilder(
      { contentDir: content, templatesDir: TEMPLATES, outDir: out, now: at(NOW), displayRoot: dir },
      { deferSiteWideFrom: 1, onDeferredError: (error, output) => errors.push(`${output}: ${String(error)}`) },
    );
    expect((await builder.build()).ok).toBe(true);
  });
  afterAll(() => cleanup());

  it('rewrites the talk\'s own pages at once and leaves the site-wide ones for later', async () => {
    const original = await readFile(talk(), 'utf8');
    await writeFile(talk(), `${original.trimEnd()} A sentence added while editing.\n`);
    const result = await builder.rebuild([talk()]);
    expect(result.ok).toBe(true);
    expect(result.written).toEqual(expect.arrayContaining(['webinar/s02e01/index.html', 'webinar/s02/index.html']));
    expect(result.written).not.toContain('speakers/amber-simpson/index.html');
    expect(result.deferred).toBeGreaterThanOrEqual(5);
    // The speaker's page, a site-wide page that shows the abstract: not on disk yet (read before the event
    // loop turns, as the background would render it then)…
    expect(readFileSync(path.join(out, 'speakers/amber-simpson/index.html'), 'utf8')).not.toContain('A sentence added while editing.');
    // …but served fresh the moment it is asked for, and then written.
    expect(String(builder.outputs().read('speakers/amber-simpson/index.html'))).toContain('A sentence added while editing.');
    expect(await readFile(path.join(out, 'speakers/amber-simpson/index.html'), 'utf8')).toContain('A sentence added while editing.');
  });

  it('renders the rest in the background soon after, without being asked', async () => {
    const original = await readFile(talk(), 'utf8');
    await writeFile(talk(), original.replace('A sentence added while editing.', 'A second edit.'));
    const result = await builder.rebuild([talk()]);
    expect(result.deferred).toBeGreaterThan(0);
    const deadline = Date.now() + 10_000;
    while (!(await readFile(path.join(out, 'webinar/talks.json'), 'utf8')).includes('A second edit.') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await readFile(path.join(out, 'webinar/talks.json'), 'utf8')).toContain('A second edit.');
  });

  it('keeps pages deferred by a talk edit when only a stylesheet changes before they are rendered', async () => {
    const { templatesDir: stylesDir, outDir: styledOut, builder: styled } = await builderWithOwnTemplates('styles');
    const original = await readFile(talk(), 'utf8');
    const css = path.join(stylesDir, 'assets/style.css');
    try {
      await writeFile(talk(), `${original.trimEnd()} Edited before a stylesheet save.\n`);
      await writeFile(css, `${await readFile(css, 'utf8')}\n/* saved */\n`);
      // The two rebuilds follow each other with no turn of the event loop between (no background work).
      expect((await styled.rebuild([talk()])).deferred).toBeGreaterThan(0);
      const result = await styled.rebuild([css]);
      expect(result.ok).toBe(true);
      expect(result.deferred).toBeGreaterThan(0);
      styled.settle();
      expect(await readFile(path.join(styledOut, 'speakers/amber-simpson/index.html'), 'utf8')).toContain('Edited before a stylesheet save.');
    } finally {
      await writeFile(talk(), original);
    }
  });

  it('renders everything at once for a template change (so that its errors show)', async () => {
    const { templatesDir: page, builder: templated } = await builderWithOwnTemplates('copy');
    const archive = path.join(page, 'archive.njk');
    await writeFile(archive, (await readFile(archive, 'utf8')).replace('<h1>Previous talks</h1>', '<h1>All the talks so far</h1>'));
    const result = await templated.rebuild([archive]);
    expect(result.deferred).toBe(0);
    expect(result.written).toContain('webinar_talks/index.html');
  });

  it('after settle(), the output is byte-identical to a full build of the same content', async () => {
    builder.settle();
    const { dir: fullDir, cleanup: cleanFull } = await tempDir();
    try {
      const full = path.join(fullDir, 'public');
      expect((await buildSite({ contentDir: content, templatesDir: TEMPLATES, outDir: full, now: at(NOW), displayRoot: dir })).ok).toBe(true);
      await expectSameFiles(full, out);
      expect(errors).toEqual([]);
    } finally {
      await cleanFull();
    }
  });
});
