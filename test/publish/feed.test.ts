import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuiltSite } from '../helpers/site.js';
import { readOracleSessions, type OracleSession } from './content-oracle.js';
import { buildProjectSite, fileFor, listOutput, SITE_ROOT } from './published-site.js';

const FEED_URL = `${SITE_ROOT}webinar/feed.xml`;
const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

type Entry = Record<string, any>;

describe('the Atom feed /webinar/feed.xml', () => {
  let site: BuiltSite;
  let later: BuiltSite;
  let xml: string;
  let feed: Record<string, any>;
  let entries: Entry[];
  let files: string[];
  let oracle: OracleSession[];

  beforeAll(async () => {
    [site, later] = await Promise.all([buildProjectSite('2024-03-20T12:00:00+01:00'), buildProjectSite('2026-11-27T12:00:00+01:00')]);
    xml = await site.read('webinar/feed.xml');
    feed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml).feed;
    entries = asArray(feed.entry);
    files = await listOutput(site.out);
    oracle = await readOracleSessions();
  });
  afterAll(async () => {
    await site.cleanup();
    await later.cleanup();
  });

  it('is well-formed XML in the Atom namespace', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.title).toBe('Datasets through the Looking-Glass');
    expect(feed.id).toBe(`${SITE_ROOT}webinar/`);
  });

  it('links to itself and to the webinar page by absolute URLs under the base path', () => {
    const links = asArray<Entry>(feed.link);
    expect(links.find((l) => l['@rel'] === 'self')?.['@href']).toBe(FEED_URL);
    expect(links.find((l) => l['@rel'] === 'alternate')?.['@href']).toBe(`${SITE_ROOT}webinar/`);
  });

  it('has one entry per session, newest season first, identified and linked by the session page', () => {
    expect(entries.map((e) => e.id)).toEqual([...oracle].reverse().map((s) => `${SITE_ROOT}webinar/${s.code.toLowerCase()}/`));
    for (const entry of entries) {
      const link = asArray<Entry>(entry.link)[0]!['@href'];
      expect(link).toBe(entry.id);
      expect(files).toContain(fileFor(new URL(link)));
    }
  });

  it('dates each entry by its session start, an undated session by the newest start, and the feed by the newest entry', () => {
    const newest = oracle.filter((s) => s.start).map((s) => s.start!.toMillis()).reduce((a, b) => Math.max(a, b));
    for (const session of oracle) {
      const entry = entries.find((e) => e.id.endsWith(`/${session.code.toLowerCase()}/`))!;
      expect(Date.parse(entry.updated), session.code).toBe(session.start ? session.start.toMillis() : newest);
    }
    expect(Date.parse(feed.updated)).toBe(newest);
  });

  it('announces a session with its time and carries every talk with a link to its page, by its speakers', () => {
    const s05 = entries.find((e) => e.id === `${SITE_ROOT}webinar/s05/`)!;
    expect(s05.title['#text'] ?? s05.title).toBe('S05: Dataset design and metrics (Monday 25 March 2024, 16:00–17:30 CET)');
    const content = parse(s05.content['#text']);
    const hrefs = content.querySelectorAll('a').map((a) => a.getAttribute('href'));
    for (const talk of oracle.find((s) => s.season === 5)!.talks) {
      expect(content.textContent).toContain(talk.title);
      expect(hrefs).toContain(`${SITE_ROOT}webinar/${talk.slug}/`);
    }
    expect(hrefs).toContain('https://itucph.zoom.us/meeting/register/u5UqdO2vrzsvHtTfd-ILmjh989Lx_8a7aI2M');
    expect(asArray<Entry>(s05.author).map((a) => a.name)).toEqual(['Hubert Dariusz Zając', 'Natalia-Rozalia Avlona', 'Annika Reinke', 'Alceu Bissoto', 'Sandra Avila']);
  });

  it('does not change with the build time, only with the content', async () => {
    expect(await later.read('webinar/feed.xml')).toBe(xml);
  });

  it('is linked from the head of every page as application/atom+xml', async () => {
    for (const file of files.filter((f) => f.endsWith('.html') && f !== 'index.html')) {
      const page = parse(await site.read(file));
      const alternate = page.querySelector('link[rel="alternate"][type="application/atom+xml"]');
      expect(alternate?.getAttribute('href'), file).toBe('/webinar-site/webinar/feed.xml');
    }
  });
});
