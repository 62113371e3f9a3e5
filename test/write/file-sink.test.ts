// The writer thread exists only in the compiled build (dist/), as it does for the CLI; `npm test`
// compiles first (pretest).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RenderedFile } from '../../src/outputs.js';
import { tempDirsPerTest } from '../helpers/site.js';

const { openFileSink } = (await import(new URL('../../dist/write/file-sink.js', import.meta.url).href)) as typeof import('../../src/write/file-sink.js');

/** Write the files through a sink, as the atomic writer does. */
async function writeFiles(root: string, files: readonly RenderedFile[]): Promise<void> {
  const sink = openFileSink(root, files.map((f) => f.path));
  try {
    for (const file of files) await sink.put(file.path, file.contents);
  } finally {
    await sink.close();
  }
}

const writerDir = tempDirsPerTest('lg-writer-');

/** Enough files for the writer thread (it starts at 300), with non-ASCII text and bytes. */
function manyFiles(count: number): RenderedFile[] {
  return Array.from({ length: count }, (_, i): RenderedFile => {
    const text = `<p>S${i} · Zając Øster 👀 ${'x'.repeat(i * 37)}</p>`;
    if (i % 3 === 0) return { path: `webinar/s${i}/index.html`, contents: text };
    if (i % 3 === 1) return { path: `webinar/s${i}/s${i}.ics`, contents: new TextEncoder().encode(text) };
    return { path: `webinar/s${i}e01/index.html`, contents: text };
  });
}

describe('a file sink with the writer thread', () => {
  it('writes every file with the exact bytes, folders included', async () => {
    const root = await writerDir();
    const files = manyFiles(700);
    await writeFiles(root, files);
    for (const file of files) {
      const expected = typeof file.contents === 'string' ? Buffer.from(file.contents, 'utf8') : Buffer.from(file.contents);
      expect((await readFile(path.join(root, file.path))).equals(expected), file.path).toBe(true);
    }
  });

  it('leaves bytes it was given (static files) usable afterwards', async () => {
    const root = await writerDir();
    const files = manyFiles(400);
    const bytes = files[1]!.contents as Uint8Array;
    const before = Buffer.from(bytes).toString('utf8');
    await writeFiles(root, files);
    expect(Buffer.from(bytes).toString('utf8')).toBe(before);
  });

  it('fails with the path when a file cannot be written', async () => {
    const root = await writerDir();
    // A file where the writer needs a folder.
    await mkdir(path.join(root, 'webinar'), { recursive: true });
    await writeFile(path.join(root, 'webinar', 's3'), 'in the way');
    await expect(writeFiles(root, manyFiles(400))).rejects.toThrow(/cannot write the site: .*webinar\/s3/);
  });
});
