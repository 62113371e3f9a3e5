import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findDuplicateOutputs, findStrayFiles, MANIFEST_FILE, readManifest } from '../../src/write/check-output.js';
import { writeSiteAtomically } from '../../src/write/write-site.js';
import { snapshotFolder } from './snapshot.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function tempParent(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lg-write-'));
  dirs.push(dir);
  return dir;
}

const SITE = [
  { path: 'index.html', contents: '<p>home</p>' },
  { path: 'webinar/s01e01/index.html', contents: '<p>Zając</p>' },
];

/** The pid of a process that has exited, as a killed build's would be. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}

describe('writeSiteAtomically', () => {
  it('writes the files and a manifest of them, and nothing beside the output folder', async () => {
    const parent = await tempParent();
    await writeSiteAtomically(path.join(parent, 'public'), SITE);
    expect(await readFile(path.join(parent, 'public/webinar/s01e01/index.html'), 'utf8')).toBe('<p>Zając</p>');
    expect(await readManifest(path.join(parent, 'public'))).toEqual(['index.html', 'webinar/s01e01/index.html']);
    expect(await readdir(parent)).toEqual(['public']);
  });

  it('removes pages an earlier build wrote and this one does not', async () => {
    const parent = await tempParent();
    const out = path.join(parent, 'public');
    await writeSiteAtomically(out, [...SITE, { path: 'webinar/s01-zajac/index.html', contents: 'old slug' }]);
    await writeSiteAtomically(out, SITE);
    expect(Object.keys(await snapshotFolder(out)).sort()).toEqual([MANIFEST_FILE, 'index.html', 'webinar/s01e01/index.html']);
  });

  it('refuses to replace a folder holding a file no build wrote, and leaves it as it was', async () => {
    const parent = await tempParent();
    const out = path.join(parent, 'public');
    await writeSiteAtomically(out, SITE);
    await writeFile(path.join(out, 'CNAME'), 'webinar.example.org\n');
    const before = await snapshotFolder(out);
    await expect(writeSiteAtomically(out, SITE)).rejects.toThrow(/CNAME/);
    expect(await snapshotFolder(out)).toEqual(before);
    expect(await readdir(parent)).toEqual(['public']);
  });

  it('leaves the previous folder untouched when writing fails half-way', async () => {
    const parent = await tempParent();
    const out = path.join(parent, 'public');
    await writeSiteAtomically(out, SITE);
    const before = await snapshotFolder(out);
    // "a" cannot be a file and a folder at once: the write fails after some files are written.
    await expect(writeSiteAtomically(out, [...SITE, { path: 'a', contents: 'x' }, { path: 'a/b.html', contents: 'y' }])).rejects.toThrow(/cannot write/);
    expect(await snapshotFolder(out)).toEqual(before);
    expect(await readdir(parent)).toEqual(['public']);
  });

  it('cleans up after a killed build, and puts back a site it had moved aside', async () => {
    const parent = await tempParent();
    const pid = deadPid();
    await mkdir(path.join(parent, `.public-building-${pid}/webinar`), { recursive: true });
    await mkdir(path.join(parent, `.public-previous-${pid}`));
    await writeFile(path.join(parent, `.public-previous-${pid}/index.html`), 'the old site');
    await writeFile(path.join(parent, `.public-previous-${pid}/${MANIFEST_FILE}`), JSON.stringify({ files: ['index.html'] }));
    await writeSiteAtomically(path.join(parent, 'public'), SITE);
    expect(await readdir(parent)).toEqual(['public']);
    expect(await readFile(path.join(parent, 'public/index.html'), 'utf8')).toBe('<p>home</p>');
  });
});

describe('findStrayFiles', () => {
  it('lists files in the output folder that neither this build nor the last one wrote', async () => {
    const parent = await tempParent();
    const out = path.join(parent, 'public');
    await writeSiteAtomically(out, [...SITE, { path: 'old/index.html', contents: 'x' }]);
    await writeFile(path.join(out, 'CNAME'), 'x');
    await writeFile(path.join(out, '.nojekyll'), '');
    const problems = await findStrayFiles(out, SITE, parent, 'content/static');
    expect(problems.map((p) => `${p.code} ${p.file}`)).toEqual(['stray-output-file public/.nojekyll', 'stray-output-file public/CNAME']);
    expect(problems[1]!.hint).toContain('content/static/CNAME');
  });

  it('counts instead of listing when --out points at a full folder', async () => {
    const parent = await tempParent();
    const out = path.join(parent, 'documents');
    await mkdir(out);
    for (let i = 0; i < 30; i++) await writeFile(path.join(out, `letter-${i}.txt`), 'x');
    const problems = await findStrayFiles(out, SITE, parent, 'content/static');
    expect(problems).toHaveLength(21);
    expect(problems.at(-1)!.message).toContain('10 more');
  });

  it('finds nothing for a folder that does not exist yet', async () => {
    const parent = await tempParent();
    expect(await findStrayFiles(path.join(parent, 'public'), SITE, parent, 'content/static')).toEqual([]);
  });
});

describe('findDuplicateOutputs', () => {
  it('names the static file that would overwrite a page', () => {
    const problems = findDuplicateOutputs([...SITE, { path: 'index.html', source: '/site/content/static/index.html' }], '/site');
    expect(problems.map((p) => `${p.code} ${p.file}`)).toEqual(['output-collision content/static/index.html']);
  });
});
