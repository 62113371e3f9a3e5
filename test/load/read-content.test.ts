import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readContent } from '../../src/load/read-content.js';
import { listSiteStaticFiles } from '../../src/load/read-static.js';
import type { Problem } from '../../src/problems.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A content folder with just these files (paths relative to it). */
async function contentWith(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lg-load-'));
  dirs.push(dir);
  for (const [file, contents] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), contents);
  }
  return dir;
}

const TALK = '---\nseason: 1\ntitle: "Zając: datasets"\n---\nFirst line.\nSecond line.\n';
const at = (p: Problem) => `${p.code} ${p.file}:${p.line}:${p.column}`;

describe('reading folders with a symbolic link to a folder in them', () => {
  it('skips the link, as it skipped it before, instead of failing to read a folder as a file', async () => {
    const dir = await contentWith({ 'site.yaml': 'title: x\n', 'seasons/s01/t.md': TALK, 'static/CNAME': 'example.org\n', 'elsewhere/a.txt': 'a' });
    await symlink(path.join(dir, 'elsewhere'), path.join(dir, 'static/linked'));
    await symlink(path.join(dir, 'elsewhere'), path.join(dir, 'seasons/s01/linked'));
    const statics = await listSiteStaticFiles(path.join(dir, 'no-templates'), dir);
    expect(statics.map((f) => f.path)).toEqual(['CNAME']);
    const raw = await readContent(dir, dir);
    expect(raw.talks.map((t) => t.file)).toEqual(['seasons/s01/t.md']);
  });
});

describe('readContent', () => {
  it('drops a BOM and turns CRLF into LF, in the YAML and in the body', async () => {
    const dir = await contentWith({ 'site.yaml': '\ufefftitle: x\r\n', 'seasons/s01/t.md': `\ufeff${TALK.replace(/\n/g, '\r\n')}` });
    const raw = await readContent(dir, dir);
    expect(raw.problems).toEqual([]);
    expect(raw.site?.yaml.data).toEqual({ title: 'x' });
    const talk = raw.talks[0]!;
    expect(talk.yaml.data).toEqual({ season: 1, title: 'Zając: datasets' });
    expect(talk.body).toBe('First line.\nSecond line.\n');
    expect(talk.bodyLine).toBe(5);
    expect(talk.yaml.lineOf(['title'])).toBe(3);
  });

  it('points at the first byte that is not UTF-8, by line and column', async () => {
    const latin1 = Buffer.from('---\nseason: 1\ntitle: Jiménez\n---\nText\n', 'latin1');
    const dir = await contentWith({ 'site.yaml': 'title: x\n', 'seasons/s01/t.md': latin1 });
    const raw = await readContent(dir, dir);
    expect(raw.problems.map(at)).toEqual(['not-utf8 seasons/s01/t.md:3:11']);
    expect(raw.problems[0]!.message).toContain('0xE9');
    expect(raw.talks).toEqual([]);
  });

  it('finds a character cut off at the very end', async () => {
    const cut = Buffer.concat([Buffer.from('title: Zaj'), Buffer.from('ą').subarray(0, 1)]);
    const dir = await contentWith({ 'site.yaml': cut });
    expect((await readContent(dir, dir)).problems.map(at)).toEqual(['not-utf8 site.yaml:1:11']);
  });

  it('reports only the first YAML error of a file, at its file line', async () => {
    const dir = await contentWith({ 'site.yaml': 'title: x\n', 'seasons/s01/t.md': '---\nseason: 1\nspeakers:\n  - name: A\n   affiliation: B\n    location: C\n---\nText\n' });
    const problems = (await readContent(dir, dir)).problems;
    expect(problems.map((p) => `${p.code} ${p.line}`)).toEqual(['yaml-syntax 5']);
  });

  it('says when the content folder does not exist', async () => {
    const dir = await contentWith({});
    const raw = await readContent(path.join(dir, 'contnet'), dir);
    expect(raw.problems.map((p) => `${p.code} ${p.file}`)).toEqual(['missing-file contnet']);
  });

  it('reports files it would skip, and leaves static/ alone', async () => {
    const dir = await contentWith({ 'site.yaml': 'title: x\n', 'notes.txt': 'x', 'seasons/s01/photo.jpg': 'x', 'static/CNAME': 'example.org\n', 'pages/about.html': 'x' });
    const problems = (await readContent(dir, dir)).problems;
    expect(problems.map((p) => `${p.code} ${p.file}`)).toEqual([
      'unexpected-file notes.txt',
      'unexpected-file pages/about.html',
      'unexpected-file seasons/s01/photo.jpg',
    ]);
  });
});
