import { spawn } from 'node:child_process';
import { cp, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchForChanges } from '../../src/dev/watch.js';
import { CLI_ARGS } from '../helpers/cli.js';
import { FROZEN_CONTENT, ROOT, TEMPLATES, tempDir } from '../helpers/site.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('watchForChanges', () => {
  it('coalesces a burst of saves and an atomic save (write, then rename) into one batch', async () => {
    const { dir, cleanup } = await tempDir();
    const batches: string[][] = [];
    // A quiet window well above what six small writes take on a loaded machine.
    const watcher = await watchForChanges([dir], { ignored: () => false, debounceMs: 250 }, async (batch) => {
      batches.push(batch);
    });
    try {
      const file = path.join(dir, 'talk.md');
      for (let i = 0; i < 5; i++) await writeFile(file, `save ${i}`);
      await writeFile(path.join(dir, 'talk.md.tmp'), 'atomic');
      await rename(path.join(dir, 'talk.md.tmp'), file);
      const deadline = Date.now() + 5000;
      while (batches.length === 0 && Date.now() < deadline) await sleep(50);
      await sleep(500);
      expect(batches).toHaveLength(1);
      expect(batches[0]).toContain(file);
    } finally {
      await watcher.close();
      await cleanup();
    }
  });

  it('queues exactly one more batch for saves made during a rebuild', async () => {
    const { dir, cleanup } = await tempDir();
    const batches: string[][] = [];
    let release!: () => void;
    const firstRunning = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started!: () => void;
    const firstStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    const watcher = await watchForChanges([dir], { ignored: () => false, debounceMs: 30 }, async (batch) => {
      batches.push(batch);
      if (batches.length === 1) {
        started();
        await firstRunning;
      }
    });
    try {
      await writeFile(path.join(dir, 'a.md'), 'a');
      await firstStarted;
      for (const name of ['b.md', 'c.md', 'd.md']) {
        await writeFile(path.join(dir, name), name);
        await sleep(60);
      }
      release();
      const deadline = Date.now() + 5000;
      while (batches.length < 2 && Date.now() < deadline) await sleep(50);
      await sleep(300);
      expect(batches).toHaveLength(2);
      expect(batches[1]!.map((f) => path.basename(f))).toEqual(['b.md', 'c.md', 'd.md']);
    } finally {
      await watcher.close();
      await cleanup();
    }
  });
  it('sees a save made right after a batch, within the watcher\'s own throttle of changes to a file', async () => {
    const { dir, cleanup } = await tempDir();
    const file = path.join(dir, 'talk.md');
    await writeFile(file, 'first');
    const batches: string[][] = [];
    let resaved: Promise<void> | undefined;
    const watcher = await watchForChanges([dir], { ignored: () => false, debounceMs: 5 }, async (batch) => {
      batches.push(batch);
      // The organizer saves again as soon as the preview answered (a fix after the overlay showed).
      if (batches.length === 1) resaved = sleep(1).then(() => writeFile(file, 'second, longer'));
    });
    try {
      await writeFile(file, 'a save');
      const deadline = Date.now() + 5000;
      while (batches.length < 2 && Date.now() < deadline) await sleep(20);
      await resaved;
      expect(batches).toEqual([[file], [file]]);
    } finally {
      await watcher.close();
      await cleanup();
    }
  });
});

describe('looking-glass dev', () => {
  it('prints the URL once and exits cleanly with code 0 on Ctrl-C', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      await cp(FROZEN_CONTENT, path.join(dir, 'content'), { recursive: true });
      await cp(TEMPLATES, path.join(dir, 'templates'), { recursive: true });
      const child = spawn(process.execPath, [...CLI_ARGS, 'dev', '--port', '0', '--now', '2024-03-20T12:00:00+01:00'], { cwd: dir });
      let stdout = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      const deadline = Date.now() + 20_000;
      while (!stdout.includes('Serving ') && Date.now() < deadline) await sleep(50);
      const url = /Serving (\S+)/.exec(stdout)?.[1];
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webinar\/$/);
      expect((await fetch(url!)).status).toBe(200);
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(stdout.match(/Serving /g)).toHaveLength(1);
    } finally {
      await cleanup();
    }
  });
});
