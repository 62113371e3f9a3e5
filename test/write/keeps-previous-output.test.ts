import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSite, type BuildOptions } from '../../src/build.js';
import { parseNow } from '../../src/time.js';
import { snapshotFolder } from './snapshot.js';
import { CLI_ARGS } from '../helpers/cli.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SITE_BASIC = path.join(ROOT, 'test/fixtures/site-basic');
const TALK = 'content/seasons/s01/s01e01-zajac.md';

/** A working folder with a copy of site-basic in content/, the real templates in templates/, and a built public/. */
let dir: string;
let options: BuildOptions;
let before: Record<string, string>;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lg-keep-'));
  await cp(SITE_BASIC, path.join(dir, 'content'), { recursive: true });
  await cp(path.join(ROOT, 'templates'), path.join(dir, 'templates'), { recursive: true });
  options = {
    contentDir: path.join(dir, 'content'),
    templatesDir: path.join(dir, 'templates'),
    outDir: path.join(dir, 'public'),
    now: parseNow('2024-06-01T12:00:00+02:00')!,
    displayRoot: dir,
  };
  const first = await buildSite(options);
  expect(first.problems).toEqual([]);
  before = await snapshotFolder(options.outDir);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function edit(file: string, change: (text: string) => string): Promise<void> {
  const target = path.join(dir, file);
  await writeFile(target, change(await readFile(target, 'utf8')));
}

/** Build, expect failure with exactly these `code file:line`s, and an output folder byte for byte as before. */
async function expectFailedBuildKeepsOutput(expected: string[]): Promise<void> {
  const result = await buildSite(options);
  expect(result.ok).toBe(false);
  expect(result.problems.filter((p) => p.severity === 'error').map((p) => `${p.code} ${p.file}${p.line ? `:${p.line}` : ''}`)).toEqual(expected);
  expect(await snapshotFolder(options.outDir)).toEqual(before);
  expect((await readdir(dir)).sort()).toEqual(['content', 'public', 'templates']);
}

describe('a failed build leaves the previous output byte for byte as it was', () => {
  it('when a content file has a mistake', async () => {
    await edit(TALK, (t) => t.replace('speakers:', 'speker:'));
    await expectFailedBuildKeepsOutput([`unknown-key ${TALK}:5`]);
  });

  it('when a template has a Nunjucks syntax error, named by template file and line', async () => {
    const line = await insertIntoTemplate('talk.njk', '<p>{{ talk.title }</p>');
    await expectFailedBuildKeepsOutput([`template-error templates/talk.njk:${line}`]);
  });

  it('when an imported macro file has an {% if %} never closed, named by that file and the line of the if', async () => {
    const line = await insertIntoTemplate('_macros.njk', '{% if session.when %}<p>unclosed</p>', 'macro speakerList');
    await expectFailedBuildKeepsOutput([`template-error templates/_macros.njk:${line}`]);
  });

  it('when a template calls something undefined while rendering, named by file and line', async () => {
    const line = await insertIntoTemplate('_macros.njk', '{{ speakr.name.toUpperCase() }}', 'macro speakerList');
    await expectFailedBuildKeepsOutput([`template-error templates/_macros.njk:${line}`]);
  });

  it('when a template uses a filter that does not exist', async () => {
    const line = await insertIntoTemplate('base.njk', '{{ site.title | uppercse }}');
    await expectFailedBuildKeepsOutput([`template-error templates/base.njk:${line}`]);
  });

  it('when the output folder holds a file the build did not write (a CNAME put there by hand)', async () => {
    await writeFile(path.join(options.outDir, 'CNAME'), 'webinar.example.org\n');
    before = await snapshotFolder(options.outDir);
    await expectFailedBuildKeepsOutput(['stray-output-file public/CNAME']);
  });

  it('when a static file would overwrite a page', async () => {
    await mkdir(path.join(dir, 'content/static/webinar'), { recursive: true });
    await writeFile(path.join(dir, 'content/static/webinar/index.html'), '<p>mine</p>');
    await expectFailedBuildKeepsOutput(['output-collision content/static/webinar/index.html']);
  });
});

describe('static files', () => {
  it('copies content/static/ to the site root on every build, CNAME included', async () => {
    await mkdir(path.join(dir, 'content/static'), { recursive: true });
    await writeFile(path.join(dir, 'content/static/CNAME'), 'webinar.example.org\n');
    await writeFile(path.join(dir, 'content/static/.nojekyll'), '');
    for (let i = 0; i < 2; i++) expect((await buildSite(options)).problems).toEqual([]);
    expect(await readFile(path.join(options.outDir, 'CNAME'), 'utf8')).toBe('webinar.example.org\n');
    expect(await readFile(path.join(options.outDir, 'assets/style.css'), 'utf8')).toBe(await readFile(path.join(dir, 'templates/assets/style.css'), 'utf8'));
  });

  it('drops a static file from the site once it is deleted from content/static/', async () => {
    await mkdir(path.join(dir, 'content/static'), { recursive: true });
    await writeFile(path.join(dir, 'content/static/flyer.pdf'), 'pdf');
    expect((await buildSite(options)).ok).toBe(true);
    await rm(path.join(dir, 'content/static/flyer.pdf'));
    expect((await buildSite(options)).problems).toEqual([]);
    expect(await snapshotFolder(options.outDir)).not.toHaveProperty('flyer.pdf');
  });
});

describe('an interrupted build', () => {
  it('leaves the previous output as it was when killed at any moment, and the next build recovers', async () => {
    const args = [...CLI_ARGS, 'build', '--content', 'content', '--templates', 'templates', '--out', 'public', '--now', '2024-06-01T12:00:00+02:00'];
    for (const delay of [5, 40, 80, 120, 160, 200, 260]) {
      const child = spawn(process.execPath, args, { cwd: dir, stdio: 'ignore' });
      // Listened for from the start: a build that ends before the kill has already exited.
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      await exited;
      const leftovers = (await readdir(dir)).filter((name) => name.startsWith('.public-'));
      const current = await snapshotFolder(options.outDir).catch(() => undefined);
      // Killed between its two renames, a build leaves the old site beside public/ for the next build to put back.
      if (current) expect(current, `killed after ${delay} ms`).toEqual(before);
      else expect(leftovers.some((name) => name.startsWith('.public-previous-'))).toBe(true);
      expect((await buildSite(options)).problems).toEqual([]);
      expect(await snapshotFolder(options.outDir)).toEqual(before);
      expect((await readdir(dir)).sort()).toEqual(['content', 'public', 'templates']);
    }
  });
});

/** Add a line to a template (after the first line containing `after`, else after line 1); its 1-based line number. */
async function insertIntoTemplate(name: string, text: string, after?: string): Promise<number> {
  const file = path.join(dir, 'templates', name);
  const lines = (await readFile(file, 'utf8')).split('\n');
  const index = after ? lines.findIndex((l) => l.includes(after)) + 1 : 1;
  expect(index).toBeGreaterThan(0);
  lines.splice(index, 0, text);
  await writeFile(file, lines.join('\n'));
  return index + 1;
}
