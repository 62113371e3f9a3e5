import { cp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build.js';
import { keptOutputsManifest } from '../../src/speed/kept-outputs.js';
import { runCli } from '../helpers/cli.js';
import { at, FROZEN_CONTENT, expectSameFiles, TEMPLATES, tempDirsPerTest } from '../helpers/site.js';

// S05 is the next webinar at the first instant and has taken place at the second.
const BEFORE_S05 = '2024-03-20T12:00:00+01:00';
const AFTER_S05 = '2024-04-30T12:00:00+02:00';
const TALK = 'seasons/s05/s05e02-reinke.md';

const newDir = tempDirsPerTest('lg-kept-');

/** A copy of the frozen real content and of the templates, to edit. */
async function siteCopy() {
  const dir = await newDir();
  const site = { dir, content: path.join(dir, 'content'), templates: path.join(dir, 'templates'), out: path.join(dir, 'public') };
  await cp(FROZEN_CONTENT, site.content, { recursive: true });
  await cp(TEMPLATES, site.templates, { recursive: true });
  return site;
}
type Site = Awaited<ReturnType<typeof siteCopy>>;

async function build(site: Site, now = BEFORE_S05, outDir = site.out) {
  const result = await buildSite({ contentDir: site.content, templatesDir: site.templates, outDir, now: at(now), displayRoot: site.dir });
  expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return result;
}

/** The repeat build's folder holds exactly what a build into a new folder writes. */
async function expectAsClean(site: Site, now = BEFORE_S05) {
  const clean = path.join(site.dir, `clean-${Math.random().toString(36).slice(2)}`);
  const result = await build(site, now, clean);
  expect(result.reused).toBe(0);
  await expectSameFiles(clean, site.out);
}

async function edit(file: string, change: (text: string) => string) {
  const before = await readFile(file, 'utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  await writeFile(file, after);
}

describe('a repeat build into the same folder', () => {
  it('after a one-talk edit, renders only the pages that show the talk, and gives what a clean build gives', async () => {
    const site = await siteCopy();
    const first = await build(site);
    expect(first.reused).toBe(0);
    const unchanged = await build(site);
    expect(unchanged.reused).toBeGreaterThanOrEqual(first.pages);

    await edit(path.join(site.content, TALK), (text) => text.replace('Why your Dataset Matters', 'Why Your Dataset Really Matters'));
    const repeat = await build(site);
    // The talk's, its session's, speaker's and topics' pages and the lists of every talk change; the rest is kept.
    expect(repeat.reused).toBeGreaterThan(first.pages / 2);
    expect(repeat.reused).toBeLessThan(first.pages);
    expect(await readFile(path.join(site.out, 'webinar/s05e02/index.html'), 'utf8')).toContain('Why Your Dataset Really Matters');
    await expectAsClean(site);

    // The same number of characters, and of bytes in every page.
    await edit(path.join(site.content, TALK), (text) => text.replace('Why Your Dataset Really Matters', 'Why Your Dataset Really Counts!'));
    await build(site);
    expect(await readFile(path.join(site.out, 'webinar/s05e02/index.html'), 'utf8')).toContain('Why Your Dataset Really Counts!');
    await expectAsClean(site);
  });

  it('after a template edit, renders every page again (templates include each other)', async () => {
    const site = await siteCopy();
    await build(site);
    await edit(path.join(site.templates, 'talk.njk'), (text) => text.replace('<nav class="pager"', '<p>Edited template.</p>\n<nav class="pager"'));
    const repeat = await build(site);
    expect(repeat.reused).toBe(0);
    expect(await readFile(path.join(site.out, 'webinar/s01e01/index.html'), 'utf8')).toContain('Edited template.');
    await expectAsClean(site);
  });

  it('after a change of the site config, renders every page again', async () => {
    const site = await siteCopy();
    const first = await build(site);
    await edit(path.join(site.content, 'site.yaml'), (text) => text.replace('url: https://medical-datasets.github.io', 'url: https://webinars.example.org'));
    const repeat = await build(site);
    expect(repeat.reused).toBe(0);
    expect(first.pages).toBeGreaterThan(0);
    expect(await readFile(path.join(site.out, 'webinar/s05/index.html'), 'utf8')).toContain('https://webinars.example.org/webinar/s05/');
    await expectAsClean(site);
  });

  it('at a later now, renders what time changed: the session that took place, and the pages that list it', async () => {
    const site = await siteCopy();
    await build(site, BEFORE_S05);
    const later = await build(site, AFTER_S05);
    expect(later.reused).toBeGreaterThan(0);
    expect(later.reused).toBeLessThan(later.pages);
    await expectAsClean(site, AFTER_S05);
  });

  it('with a damaged or emptied manifest of the last build, renders everything', async () => {
    const site = await siteCopy();
    const first = await build(site);
    const manifest = keptOutputsManifest(site.out);
    const whole = await readFile(manifest, 'utf8');
    for (const damaged of [whole.slice(0, whole.length / 2), '{"code":1,"files":[]}', '', '\0\0\0']) {
      await writeFile(manifest, damaged);
      await edit(path.join(site.content, TALK), (text) => `${text}\nOne more sentence.\n`);
      const repeat = await build(site);
      expect(repeat.reused).toBe(0);
      expect(repeat.pages).toBe(first.pages);
      await expectAsClean(site);
    }
  });

  it('renders a page again whose file in the output folder was changed or removed since', async () => {
    const site = await siteCopy();
    await build(site);
    const page = (relative: string) => path.join(site.out, relative);
    await writeFile(page('webinar/s01/index.html'), 'changed by hand');
    // The same number of bytes, changed: its time of change tells.
    const original = await readFile(page('webinar/s02/index.html'), 'utf8');
    await writeFile(page('webinar/s02/index.html'), original.replace('<html', '<HTML'));
    await rm(page('webinar/s03/index.html'));
    // Only the time of change differs.
    const { mtime } = await stat(page('webinar/s04/index.html'));
    await utimes(page('webinar/s04/index.html'), mtime, new Date(mtime.getTime() + 5_000));
    const repeat = await build(site);
    expect(repeat.reused).toBe(repeat.pages - 4);
    await expectAsClean(site);
  });

  it('after a build that failed, keeps what the last good build left', async () => {
    const site = await siteCopy();
    const first = await build(site);
    await edit(path.join(site.templates, 'session.njk'), (text) => `${text}{{ nosuchfilter | nosuch }}`);
    const failed = await buildSite({ contentDir: site.content, templatesDir: site.templates, outDir: site.out, now: at(BEFORE_S05), displayRoot: site.dir });
    expect(failed.ok).toBe(false);
    await cp(TEMPLATES, site.templates, { recursive: true });
    const repeat = await build(site);
    expect(repeat.reused).toBeGreaterThanOrEqual(first.pages);
    await expectAsClean(site);
  });

  it('from the CLI as npm run build runs it: says how many pages were unchanged', async () => {
    const site = await siteCopy();
    const args = ['build', '--content', site.content, '--templates', site.templates, '--out', site.out, '--now', BEFORE_S05];
    const first = await runCli(args, site.dir);
    expect(first.code).toBe(0);
    expect(first.stdout).not.toContain('unchanged');
    await edit(path.join(site.content, TALK), (text) => text.replace('Why your Dataset Matters', 'Why Your Dataset Really Matters'));
    const repeat = await runCli(args, site.dir);
    expect(repeat.code).toBe(0);
    expect(repeat.stdout).toMatch(/Built 30 talks, \d+ pages in \d+ ms \(\d+ unchanged since the last build\) → public\//);
    await expectAsClean(site);
  });
});
