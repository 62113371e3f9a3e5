import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as cli } from './helpers/cli.js';
import { FROZEN_CONTENT, tempDirsPerTest } from './helpers/site.js';

const freshDir = tempDirsPerTest();

describe('looking-glass build', () => {
  it('builds the real content with the flags as documented and ends with one summary line', async () => {
    const dir = await freshDir();
    const out = path.join(dir, 'site');
    const { code, stdout } = await cli(['build', '--content', FROZEN_CONTENT, '--out', out, '--now', '2024-03-20T12:00:00+01:00']);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(stdout).toMatch(/^Built 30 talks, \d+ pages in \d+ ms/);
    const webinar = await readFile(path.join(out, 'webinar/index.html'), 'utf8');
    // The heading's words are split by the eyebrow's markup; compare the text.
    expect(webinar.replace(/<[^>]+>/g, '')).toContain('Next webinar: Dataset design and metrics');
  });

  it('prints the time of each step to stderr with --timings, and still one line to stdout', async () => {
    const dir = await freshDir();
    const { code, stdout, stderr } = await cli(['build', '--content', FROZEN_CONTENT, '--out', path.join(dir, 'site'), '--now', '2024-03-20T12:00:00+01:00', '--timings']);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^read \d+ ms, validate \d+ ms, model \d+ ms, plan \d+ ms, check outputs \d+ ms, render \d+ ms, write \d+ ms$/m);
  });

  it('writes dates in British English whatever the locale of the machine', async () => {
    const dir = await freshDir();
    const out = path.join(dir, 'site');
    const { code } = await cli(['build', '--content', FROZEN_CONTENT, '--out', out, '--now', '2024-03-20T12:00:00+01:00'], undefined, { LC_ALL: 'de_DE.UTF-8', LANG: 'de_DE.UTF-8' });
    expect(code).toBe(0);
    const webinar = await readFile(path.join(out, 'webinar/index.html'), 'utf8');
    expect(webinar).toContain('Monday 25 March 2024');
    expect(webinar).not.toMatch(/Montag|März/);
  });

  it('refuses a --now without an offset with exit code 2', async () => {
    const { code, stderr } = await cli(['build', '--content', FROZEN_CONTENT, '--now', '2024-03-20T12:00:00', '--out', '/nonexistent/never']);
    expect(code).toBe(2);
    expect(stderr).toContain('--now');
  });

  it('fails with exit 1, names file and line, and leaves the previous output untouched', async () => {
    const dir = await freshDir();
    const content = path.join(dir, 'content');
    const out = path.join(dir, 'public');
    await cp(FROZEN_CONTENT, content, { recursive: true });
    expect((await cli(['build', '--content', content, '--out', out, '--now', '2024-03-20T12:00:00+01:00'])).code).toBe(0);
    const before = await readFile(path.join(out, 'webinar/index.html'));

    const talk = path.join(content, 'seasons/s05/s05e02-reinke.md');
    await writeFile(talk, (await readFile(talk, 'utf8')).replace('speakers:', 'speker:'));
    const { code, stderr } = await cli(['build', '--content', content, '--out', out, '--now', '2024-03-20T12:00:00+01:00'], dir);
    expect(code).toBe(1);
    expect(stderr).toContain('content/seasons/s05/s05e02-reinke.md:6: unknown key "speker" (did you mean "speakers"?)');
    expect(await readFile(path.join(out, 'webinar/index.html'))).toEqual(before);
  });
});

describe('looking-glass changed', () => {
  const changed = (since: string, now: string) => cli(['changed', '--content', FROZEN_CONTENT, '--since', since, '--now', now]);

  it('exits 0 and lists nothing when the hour changed nothing on the site', async () => {
    const { code, stdout, stderr } = await changed('2024-03-20T12:00:00+01:00', '2024-03-20T13:00:00+01:00');
    expect([code, stdout]).toEqual([0, '']);
    expect(stderr).toContain('The site is the same at both times.');
  });

  it('exits 1 and lists the pages that changed when a session ended in between', async () => {
    // S05 runs 16:00–17:30 CET on 25 March 2024.
    const { code, stdout } = await changed('2024-03-25T17:00:00+01:00', '2024-03-25T18:00:00+01:00');
    expect(code).toBe(1);
    expect(stdout.split('\n')).toEqual(expect.arrayContaining(['webinar/index.html', 'webinar_talks/index.html', 'webinar/s05/index.html']));
  });

  it('exits 2 without --since', async () => {
    const { code, stderr } = await cli(['changed', '--content', FROZEN_CONTENT]);
    expect(code).toBe(2);
    expect(stderr).toContain('changed needs --since');
  });
});
