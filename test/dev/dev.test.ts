import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/build.js';
import { runDev, type DevSession } from '../../src/dev/run-dev.js';
import { at, FROZEN_CONTENT, expectSameFiles, TEMPLATES, tempDir } from '../helpers/site.js';

const NOW = '2024-03-20T12:00:00+01:00';

/** Reads Server-Sent Events from the dev server, one event at a time. */
function listen(url: string) {
  const controller = new AbortController();
  const events: { name: string; data: string }[] = [];
  const waiters: (() => void)[] = [];
  const ready = fetch(url, { signal: controller.signal }).then(async (response) => {
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) !== -1) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const name = /^event: (.*)$/m.exec(block)?.[1];
            if (!name) continue;
            const data = [...block.matchAll(/^data: ?(.*)$/gm)].map((m) => m[1]).join('\n');
            events.push({ name, data });
            waiters.splice(0).forEach((wake) => wake());
          }
        }
      } catch {
        // aborted at the end of the test
      }
    })();
  });
  return {
    ready,
    /**
     * The next event with this name after `from` events, within a deadline; if given, with exactly these
     * data, or data containing this text (a slow machine can see a rebuild of an earlier save late).
     */
    async next(name: string, from: number, { data, containing, timeoutMs = 10_000 }: { data?: string; containing?: string; timeoutMs?: number } = {}) {
      const deadline = Date.now() + timeoutMs;
      const wanted = (e: { name: string; data: string }) =>
        e.name === name && (data === undefined || e.data === data) && (containing === undefined || e.data.includes(containing));
      for (;;) {
        const index = events.findIndex((e, i) => i >= from && wanted(e));
        if (index !== -1) return { ...events[index], index };
        if (Date.now() > deadline) throw new Error(`no "${name}" event; got ${events.map((e) => e.name).join(', ')}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    },
    count: () => events.length,
    close: () => controller.abort(),
  };
}


describe('npm run dev', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let content: string;
  let out: string;
  let session: DevSession;
  let events: ReturnType<typeof listen>;
  const log: string[] = [];
  const page = async (relative: string) => (await fetch(new URL(relative, session.url.replace(/webinar\/$/, ''))).then((r) => r.text()));
  /**
   * Waits for the reloads after `from` until the page shows `text` (or, for `null`, is gone): a save
   * truncates the file before it writes it, so on a slow machine the first rebuild can see it empty and
   * the next one brings the edit.
   */
  const reloadsTo = async (relative: string, text: string | null, from: number) => {
    let last = '';
    for (let seen = from; ; ) {
      const reload = await events.next('reload', seen).catch(() => {
        throw new Error(`${relative} never became ${text === null ? 'a 404' : `a page showing "${text}"`}; last served:\n${last}`);
      });
      const response = await fetch(new URL(relative, session.url.replace(/webinar\/$/, '')));
      last = `${response.status}\n${await response.text()}`;
      if (text === null ? response.status === 404 : last.includes(text)) return;
      seen = reload.index + 1;
    }
  };

  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir('lg-dev-'));
    content = path.join(dir, 'content');
    out = path.join(dir, 'public');
    await cp(FROZEN_CONTENT, content, { recursive: true });
    await cp(TEMPLATES, path.join(dir, 'templates'), { recursive: true });
    session = await runDev({
      contentDir: content, templatesDir: path.join(dir, 'templates'), outDir: out, now: at(NOW), displayRoot: dir,
      host: '127.0.0.1', port: 0, log: (line) => log.push(line),
    });
    events = listen(new URL('/__live-reload', session.url).href);
    await events.ready;
  });
  afterAll(async () => {
    events.close();
    await session.close();
    await cleanup();
  });

  it('serves the built pages with the reload script, which the built files do not contain', async () => {
    const html = await page('webinar/');
    expect(html.replace(/<[^>]+>/g, '')).toContain('Next webinar: Dataset design and metrics');
    expect(html).toContain('/__live-reload.js');
    expect(await readFile(path.join(out, 'webinar/index.html'), 'utf8')).not.toContain('__live-reload');
    expect(log.filter((l) => l.startsWith('Serving '))).toHaveLength(1);
  });

  it('answers an address with a broken percent-escape with 400 and keeps serving', async () => {
    const base = session.url.replace(/webinar\/$/, '');
    const response = await fetch(new URL('webinar/%E0%A4%A', base));
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('Bad request: the address has a broken percent-escape');
    expect((await page('webinar/')).replace(/<[^>]+>/g, '')).toContain('Next webinar: Dataset design and metrics');
  });

  it('rebuilds on an edit, tells the browser to reload and serves the edit', async () => {
    const from = events.count();
    const file = path.join(content, 'seasons/s05/s05e02-reinke.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('Why your Dataset Matters', 'Why Your Dataset Really Matters'));
    await reloadsTo('webinar/', 'Why Your Dataset Really Matters', from);
    expect(log.at(-1)).toMatch(/s05e02-reinke\.md: \d+ files rewritten, 0 removed in [\d.]+ ms/);
  });

  it('keeps serving the last good page when a save breaks a file, shows the problem, and recovers', async () => {
    const from = events.count();
    const file = path.join(content, 'seasons/s05/s05e03-bissoto-avila.md');
    const good = await readFile(file, 'utf8');
    await writeFile(file, good.replace('speakers:', 'speker:'));
    const problem = await events.next('problems', from, { containing: 'speker' });
    expect(problem.data).toContain('s05e03-bissoto-avila.md:');
    expect(problem.data).toContain('unknown key "speker"');
    expect(await page('webinar/')).toContain('The Performance of Transferability Metrics');

    const fixedFrom = events.count();
    await writeFile(file, good.replace('The Performance of', 'On the Performance of'));
    await reloadsTo('webinar/', 'On the Performance of Transferability Metrics', fixedFrom);
  });

  it('#12 shows a missing speaker photo and a static file on a page path as problems, keeps serving, and recovers', async () => {
    const file = path.join(content, 'seasons/s05/s05e01-zajac-avlona.md');
    const good = await readFile(file, 'utf8');
    let from = events.count();
    await writeFile(file, good.replace(/^( +)bio:/m, '$1photo: photos/nobody.jpg\n$1bio:'));
    const line = (await readFile(file, 'utf8')).split('\n').findIndex((l) => l.includes('photos/nobody.jpg')) + 1;
    let problem = await events.next('problems', from, { containing: 'nobody.jpg' });
    expect(problem.data).toContain(`content/seasons/s05/s05e01-zajac-avlona.md:${line}: the speaker photo "photos/nobody.jpg" is not in content/static/ [missing-file]`);
    expect(problem.data).not.toMatch(/\n\s+at /);
    expect(await page('webinar/')).toContain('Next webinar');

    // Fixed (the photo line deleted, a word changed: an editor's save of the same bytes within a few
    // milliseconds of the last is not always seen): the overlay goes, the page reloads.
    from = events.count();
    await writeFile(file, good.replace('Avlona', 'Avlona-Zając'));
    await events.next('problems', from, { data: '' });
    await reloadsTo('webinar/', 'Avlona-Zając', from);

    const stray = path.join(content, 'static/webinar/index.html');
    from = events.count();
    await mkdir(path.dirname(stray), { recursive: true });
    await writeFile(stray, '<p>not the webinar page</p>\n');
    problem = await events.next('problems', from, { containing: 'output-collision' });
    expect(problem.data).toContain('content/static/webinar/index.html: this file would be written to webinar/index.html');
    expect(problem.data).toContain('[output-collision]');
    expect(await page('webinar/')).toContain('Next webinar');

    from = events.count();
    await rm(path.join(content, 'static'), { recursive: true });
    await events.next('problems', from, { data: '' });
    expect(await page('webinar/')).toContain('Next webinar');
  });

  it('re-renders with an edited template, after content edits that reused the compiled templates', async () => {
    const from = events.count();
    const template = path.join(dir, 'templates/404.njk');
    await writeFile(template, (await readFile(template, 'utf8')).replace('Page not found', 'Nothing here'));
    await reloadsTo('no-such-page/', 'Nothing here', from);
  });

  it('picks up an added and a deleted talk', async () => {
    const added = path.join(content, 'seasons/s05/s05e04-new.md');
    let from = events.count();
    await writeFile(added, '---\nseason: 5\nepisode: 4\ntitle: "A late addition"\nspeakers:\n  - name: Øster Çelik\n    affiliation: DTU\n---\nAn abstract.\n');
    await reloadsTo('webinar/s05e04/', 'A late addition', from);

    from = events.count();
    await rm(added);
    await reloadsTo('webinar/s05e04/', null, from);
  });

  it('leaves the output byte-identical to a full build of the same content after these edits', async () => {
    const { dir: fullDir, cleanup: cleanFull } = await tempDir();
    try {
      const full = path.join(fullDir, 'public');
      const result = await buildSite({ contentDir: content, templatesDir: path.join(dir, 'templates'), outDir: full, now: at(NOW), displayRoot: dir });
      expect(result.ok).toBe(true);
      await expectSameFiles(full, out);
    } finally {
      await cleanFull();
    }
  });
});
