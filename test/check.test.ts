import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSite } from '../src/build.js';
import { parseNow } from '../src/time.js';
import { runCli as cli } from './helpers/cli.js';
import { snapshotFolder } from './write/snapshot.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const FIXTURES = path.join(ROOT, 'test/fixtures');
const NOW = '2024-06-01T12:00:00+02:00';


let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lg-check-'));
  await cp(path.join(FIXTURES, 'site-basic'), path.join(dir, 'content'), { recursive: true });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function edit(file: string, from: string, to: string): Promise<void> {
  const target = path.join(dir, file);
  await writeFile(target, (await readFile(target, 'utf8')).replace(from, to));
}

/** Three mistakes in two files, made out of order. */
async function makeMistakes(): Promise<void> {
  await edit('content/seasons/s01/session.yaml', 'registration:', 'registation:');
  await edit('content/seasons/s01/s01e01-zajac.md', 'affiliation:', 'affilation:');
  await edit('content/seasons/s01/s01e01-zajac.md', 'recording:', 'recordin:');
}

describe('looking-glass check', () => {
  it('accepts a valid site with exit 0 and writes nothing', async () => {
    const { code, stdout, stderr } = await cli(['check', '--now', NOW], dir);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^Checked 1 talks in 1 sessions: no errors/);
    expect(code).toBe(0);
    expect(await readdir(dir)).toEqual(['content']);
  });

  it('prints every problem of every file sorted by file and line, then a count, and exits 1', async () => {
    await makeMistakes();
    const { code, stderr } = await cli(['check', '--now', NOW], dir);
    expect(code).toBe(1);
    const heads = stderr.split('\n').filter((line) => !line.startsWith('  hint: '));
    expect(heads).toEqual([
      'content/seasons/s01/s01e01-zajac.md:8: unknown key "affilation" (did you mean "affiliation"?) [unknown-key]',
      'content/seasons/s01/s01e01-zajac.md:12: unknown key "recordin" (did you mean "recording"?) [unknown-key]',
      'content/seasons/s01/session.yaml:5: unknown key "registation" (did you mean "registration"?) [unknown-key]',
      '3 errors, 0 warnings',
      '',
    ]);
    expect(stderr.match(/^ {2}hint: /gm)).toHaveLength(3);
  });

  it('compiles the templates too: a syntax error in one is reported with its file and line, exit 1', async () => {
    await cp(path.join(ROOT, 'templates'), path.join(dir, 'templates'), { recursive: true });
    expect((await cli(['check', '--now', NOW], dir)).code).toBe(0);
    await edit('templates/talk.njk', '{% block main %}', '{% block main %}{% if talk.title %}');
    const { code, stderr } = await cli(['check', '--now', NOW], dir);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^templates\/talk\.njk:\d+: .*\[template-error\]$/m);
    expect(await readdir(dir)).toEqual(['content', 'templates']);
  });

  it('renders every page too: a template that fails while rendering one page is reported once, with its file and line, exit 1', async () => {
    await cp(path.join(ROOT, 'templates'), path.join(dir, 'templates'), { recursive: true });
    await edit('templates/talk.njk', '{% block main %}', '{% block main %}{{ talk.nothing() }}');
    const { code, stderr } = await cli(['check', '--now', NOW], dir);
    expect(code).toBe(1);
    expect(stderr.match(/^templates\/talk\.njk:\d+: .*\[template-error\]$/gm)).toHaveLength(1);
    expect(await readdir(dir)).toEqual(['content', 'templates']);
  });

  it('takes --content like build', async () => {
    await cp(path.join(dir, 'content'), path.join(dir, 'elsewhere'), { recursive: true });
    await edit('content/site.yaml', 'title:', 'titel:');
    expect((await cli(['check', '--content', 'elsewhere', '--now', NOW], dir)).code).toBe(0);
    expect((await cli(['check', '--content', 'missing', '--now', NOW], dir)).stderr).toContain('missing: the content folder does not exist [missing-file]');
  });

  it('annotates each problem on its line under GitHub Actions', async () => {
    await makeMistakes();
    const { code, stdout } = await cli(['check', '--now', NOW], dir, { GITHUB_ACTIONS: 'true' });
    expect(code).toBe(1);
    const annotations = stdout.split('\n').filter((line) => line.startsWith('::'));
    expect(annotations).toHaveLength(3);
    expect(annotations[0]).toMatch(/^::error file=content\/seasons\/s01\/s01e01-zajac\.md,line=8,title=unknown-key::unknown key "affilation" \(did you mean "affiliation"\?\)%0Ahint: /);
    expect(annotations[2]).toMatch(/^::error file=content\/seasons\/s01\/session\.yaml,line=5,/);
  });

  it('prints warnings without failing', async () => {
    await edit('content/seasons/s01/s01e01-zajac.md', '    affiliation: University of Copenhagen\n', '');
    const { code, stderr } = await cli(['check', '--now', NOW], dir, { GITHUB_ACTIONS: 'true' });
    expect(code).toBe(0);
    expect(stderr).toContain('content/seasons/s01/s01e01-zajac.md:6: warning: ');
    expect(stderr).toContain('0 errors, 1 warning');
  });
});

describe('looking-glass build with a mistake', () => {
  it('exits 1 and leaves public/ byte for byte as it was', async () => {
    expect((await cli(['build', '--templates', path.join(ROOT, 'templates'), '--now', NOW], dir)).code).toBe(0);
    const before = await snapshotFolder(path.join(dir, 'public'));
    await makeMistakes();
    const { code, stderr } = await cli(['build', '--templates', path.join(ROOT, 'templates'), '--now', NOW], dir);
    expect(code).toBe(1);
    expect(stderr).toContain('3 errors, 0 warnings');
    expect(stderr).toContain('Build failed: nothing was written, public/ is unchanged.');
    expect(await snapshotFolder(path.join(dir, 'public'))).toEqual(before);
  });

  it('fails for every invalid fixture and leaves the previous output untouched', async () => {
    const out = path.join(dir, 'public');
    const options = { templatesDir: path.join(ROOT, 'templates'), outDir: out, now: parseNow(NOW)!, displayRoot: dir };
    expect((await buildSite({ ...options, contentDir: path.join(dir, 'content') })).ok).toBe(true);
    const before = await snapshotFolder(out);
    const codes = await readdir(path.join(FIXTURES, 'invalid'));
    for (const code of codes.filter((c) => !['past-talk-without-recording', 'speaker-without-affiliation', 'speaker-spelling', 'topic-spelling'].includes(c))) {
      const result = await buildSite({ ...options, contentDir: path.join(FIXTURES, 'invalid', code) });
      expect(result.ok, code).toBe(false);
      expect(result.problems.map((p) => p.code), code).toEqual([code]);
      expect(await snapshotFolder(out), code).toEqual(before);
    }
  });
});
