import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTemplateRenderer, TemplateError } from '../../src/render/templates.js';
import { ROOT, tempDir } from '../helpers/site.js';

const CACHE = path.join(ROOT, 'node_modules/.cache/looking-glass/templates');
const filters = { shout: (text: string) => `${text}!` };

/** Cache entries of one templates folder (tests in other processes add their own meanwhile). */
async function cacheEntries(dir: string): Promise<string[]> {
  const folderKey = createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 16);
  return (await readdir(CACHE).catch(() => [])).filter((f) => f.endsWith('.json') && f.startsWith(`${folderKey}-`));
}

describe('compiled templates kept between builds', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir('lg-templates-'));
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'base.njk'), '<main>{% block main %}{% endblock %}</main>\n');
    await writeFile(path.join(dir, '_macros.njk'), '{% macro hello(name) %}Hello {{ name | shout }}{% endmacro %}\n');
    await writeFile(path.join(dir, 'page.njk'), '{% extends "base.njk" %}{% import "_macros.njk" as m %}{% block main %}{{ m.hello(who) }} {{ html }}{% endblock %}\n');
  });
  afterAll(async () => {
    // The entry of this temp folder goes with the folder.
    await Promise.all((await cacheEntries(dir)).map((f) => rm(path.join(CACHE, f), { force: true })));
    await cleanup();
  });

  it('renders the same from the cache as from a fresh compile, and writes one cache entry', async () => {
    const before = new Set(await cacheEntries(dir));
    const first = createTemplateRenderer(dir, filters, dir).render('page.njk', { who: 'Zając <3', html: '<b>' });
    const added = (await cacheEntries(dir)).filter((f) => !before.has(f));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^[0-9a-f]{16}-[0-9a-f]{64}\.json$/);
    const second = createTemplateRenderer(dir, filters, dir).render('page.njk', { who: 'Zając <3', html: '<b>' });
    expect(first).toBe('<main>Hello Zając &lt;3! &lt;b&gt;</main>\n');
    expect(second).toBe(first);
  });

  it('keeps one entry per templates folder: the one for its current text', async () => {
    createTemplateRenderer(dir, filters, dir);
    const before = await cacheEntries(dir);
    await writeFile(path.join(dir, 'base.njk'), '<main class="x">{% block main %}{% endblock %}</main>\n');
    createTemplateRenderer(dir, filters, dir);
    const after = await cacheEntries(dir);
    expect(after.length).toBe(before.length);
    expect(after.filter((f) => !before.includes(f))).toHaveLength(1);
    await writeFile(path.join(dir, 'base.njk'), '<main>{% block main %}{% endblock %}</main>\n');
  });

  it('compiles and checks an edited template again: its syntax error is still reported with its line', async () => {
    createTemplateRenderer(dir, filters, dir);
    await writeFile(path.join(dir, '_macros.njk'), '{% macro hello(name) %}\nHello {{ name | shout }\n{% endmacro %}\n');
    let error: unknown;
    try {
      createTemplateRenderer(dir, filters, dir);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).file).toMatch(/_macros\.njk$/);
    await writeFile(path.join(dir, '_macros.njk'), '{% macro hello(name) %}Hello {{ name | shout }}{% endmacro %}\n');
  });

  it('checks again when a filter is gone, so an unknown filter is still reported', () => {
    expect(() => createTemplateRenderer(dir, {}, dir)).toThrow(/unknown filter "shout"/);
  });

  it('ignores a damaged cache entry and compiles again', async () => {
    const before = new Set(await cacheEntries(dir));
    await writeFile(path.join(dir, 'page.njk'), '{% extends "base.njk" %}{% block main %}{{ who | shout }}{% endblock %}\n');
    createTemplateRenderer(dir, filters, dir);
    const [entry] = (await cacheEntries(dir)).filter((f) => !before.has(f));
    expect(entry).toBeDefined();
    // Half a file, then a whole file whose code is not JavaScript.
    await writeFile(path.join(CACHE, entry!), '{"page.njk": "var x');
    expect(createTemplateRenderer(dir, filters, dir).render('page.njk', { who: 'Øster' })).toBe('<main>Øster!</main>\n');
    expect(JSON.parse(await readFile(path.join(CACHE, entry!), 'utf8'))).toHaveProperty(['page.njk']);
    const damaged = JSON.parse(await readFile(path.join(CACHE, entry!), 'utf8')) as Record<string, string>;
    await writeFile(path.join(CACHE, entry!), JSON.stringify({ ...damaged, 'page.njk': 'this is not JavaScript' }));
    expect(createTemplateRenderer(dir, filters, dir).render('page.njk', { who: 'Çelik' })).toBe('<main>Çelik!</main>\n');
    await rm(path.join(CACHE, entry!));
  });
});
