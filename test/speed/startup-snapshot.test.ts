import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { generateContent } from '../../scripts/bench-content.mjs';
import { CLI, CLI_ARGS } from '../helpers/cli.js';
import { WRITER_THREAD_FROM_FILES } from '../../src/speed/thread-sink.js';
import { FROZEN_CONTENT, expectSameFiles, ROOT, tempDirsPerTest } from '../helpers/site.js';

const run = promisify(execFile);
const NOW = ['--now', '2024-03-20T12:00:00+01:00'];
const env = { ...process.env, GITHUB_ACTIONS: '' };

const freshDir = tempDirsPerTest('lg-snapshot-');

describe('the CLI started from its snapshot (as the npm scripts run it)', () => {
  it('builds the same files, byte for byte, as the bundle without it, for a small site and for one the writer thread writes', async () => {
    const dir = await freshDir();
    // 120 talks: about 400 files, past the writer thread's 300.
    const big = path.join(dir, 'big');
    await generateContent(big, { talks: 120, siteFrom: FROZEN_CONTENT });
    for (const [name, content] of [['real', FROZEN_CONTENT], ['big', big]] as const) {
      const [fromSnapshot, plain] = [path.join(dir, `${name}-snapshot`), path.join(dir, `${name}-plain`)];
      await run(process.execPath, [...CLI_ARGS, 'build', '--content', content, '--out', fromSnapshot, ...NOW], { env });
      await run(process.execPath, [CLI, 'build', '--content', content, '--out', plain, ...NOW], { env });
      await expectSameFiles(plain, fromSnapshot);
      const files = (await readdir(fromSnapshot, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).length;
      if (name === 'big') expect(files).toBeGreaterThanOrEqual(WRITER_THREAD_FROM_FILES);
    }
  });

  it('reports a bad build with the same message and exit code', async () => {
    const content = path.join(await freshDir(), 'content');
    await cp(FROZEN_CONTENT, content, { recursive: true });
    const talk = path.join(content, 'seasons/s05/s05e01-zajac-avlona.md');
    await writeFile(talk, (await readFile(talk, 'utf8')).replace(/^title:.*$/m, 'title: [unclosed'));
    const outcome = async (args: string[]) =>
      run(process.execPath, [...args, 'check', '--content', content, ...NOW], { env }).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
      );
    const [fromSnapshot, plain] = await Promise.all([outcome(CLI_ARGS), outcome([CLI])]);
    expect(fromSnapshot.code).toBe(1);
    expect(fromSnapshot.stderr).toMatch(/s05e01-zajac-avlona\.md:\d+/);
    expect(fromSnapshot).toEqual(plain);
  });

  it('hands over to the bundle when started for a script other than the one it was built beside', async () => {
    // A copy of the bundle in another folder (as in a moved checkout): the snapshot holds the paths of
    // its own folder, so it must run the copy. The copy's usage text is changed to tell the two apart.
    const copy = await mkdtemp(path.join(ROOT, 'dist/moved-'));
    try {
      await cp(path.dirname(CLI), copy, { recursive: true, filter: (file) => !file.endsWith('.blob') });
      const script = path.join(copy, 'cli.js');
      await writeFile(script, (await readFile(script, 'utf8')).replace('Usage: looking-glass', 'Usage: moved-looking-glass'));
      const { stdout } = await run(process.execPath, ['--snapshot-blob', path.join(ROOT, 'dist/bundle/cli.blob'), script, '--help'], { env });
      expect(stdout).toMatch(/^Usage: moved-looking-glass <command>/);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });
});
