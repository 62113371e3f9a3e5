import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findDuplicateOutputs, findStrayFiles, MANIFEST_FILE, readManifest } from '../../src/write/check-output.js';
import { AtomicDiskWriter } from '../../src/write/disk-writer.js';
import type { RenderedFile } from '../../src/outputs.js';
import { MemoryWriter } from '../../src/write/writer.js';
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

/** A whole write through the atomic writer, as the pipeline does it: the problems of `begin`, if any. */
async function writeSiteAtomically(outDir: string, files: readonly RenderedFile[]) {
  const parent = path.dirname(outDir);
  const writer = new AtomicDiskWriter(outDir, path.join(parent, 'content'));
  const problems = await writer.begin(files, parent);
  if (problems.length > 0) return { problems, deleted: [] };
  for (const file of files) await writer.put(file);
  return { problems, ...(await writer.finish(true)) };
}

describe('AtomicDiskWriter', () => {
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
    expect((await writeSiteAtomically(out, SITE)).deleted).toEqual(['webinar/s01-zajac/index.html']);
    expect(Object.keys(await snapshotFolder(out)).sort()).toEqual([MANIFEST_FILE, 'index.html', 'webinar/s01e01/index.html']);
  });

  it('refuses to replace a folder holding a file no build wrote, and leaves it as it was', async () => {
    const parent = await tempParent();
    const out = path.join(parent, 'public');
    await writeSiteAtomically(out, SITE);
    await writeFile(path.join(out, 'CNAME'), 'webinar.example.org\n');
    const before = await snapshotFolder(out);
    const { problems } = await writeSiteAtomically(out, SITE);
    expect(problems.map((p) => `${p.code} ${p.file}`)).toEqual(['stray-output-file public/CNAME']);
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

  it('discards everything when the build fails after it began', async () => {
    const parent = await tempParent();
    const out = path.join(parent, 'public');
    await writeSiteAtomically(out, SITE);
    const before = await snapshotFolder(out);
    const writer = new AtomicDiskWriter(out, path.join(parent, 'content'));
    expect(await writer.begin([{ path: 'index.html' }], parent)).toEqual([]);
    await writer.put({ path: 'index.html', contents: 'half a site' });
    expect(await writer.finish(false)).toEqual({ written: [], deleted: [] });
    expect(await snapshotFolder(out)).toEqual(before);
    expect(await readdir(parent)).toEqual(['public']);
  });

  it('reports two outputs on one path before it writes anything', async () => {
    const parent = await tempParent();
    const writer = new AtomicDiskWriter(path.join(parent, 'public'), path.join(parent, 'content'));
    const problems = await writer.begin([...SITE, { path: 'index.html', source: path.join(parent, 'content/static/index.html') }], parent);
    expect(problems.map((p) => `${p.code} ${p.file}`)).toEqual(['output-collision content/static/index.html']);
    expect(await readdir(parent)).toEqual([]);
  });
});

describe('MemoryWriter', () => {
  it('keeps the files of the last kept write, and says what changed', async () => {
    const writer = new MemoryWriter();
    await writer.begin(SITE, '/site');
    for (const file of SITE) writer.put(file);
    expect(await writer.finish(true)).toEqual({ written: ['index.html', 'webinar/s01e01/index.html'], deleted: [] });
    await writer.begin([SITE[0]!], '/site');
    writer.put({ path: 'index.html', contents: 'discarded' });
    await writer.finish(false);
    expect(writer.files.get('index.html')).toBe('<p>home</p>');
    await writer.begin([SITE[0]!], '/site');
    writer.put(SITE[0]!);
    expect(await writer.finish(true)).toEqual({ written: ['index.html'], deleted: ['webinar/s01e01/index.html'] });
    expect([...writer.files.keys()]).toEqual(['index.html']);
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
