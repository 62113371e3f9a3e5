import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuiltSite } from '../helpers/site.js';
import { readOracleSessions, type OracleSession } from './content-oracle.js';
import { buildProjectSite, listOutput, servedUrl, SITE_ROOT } from './published-site.js';

const NOW = '2024-03-20T12:00:00+01:00';

describe('sitemap.xml and robots.txt', () => {
  let site: BuiltSite;
  let xml: string;
  let urls: { loc: string; lastmod?: string }[];
  let files: string[];
  let oracle: OracleSession[];

  beforeAll(async () => {
    site = await buildProjectSite(NOW);
    xml = await site.read('sitemap.xml');
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml);
    expect(parsed.urlset['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    urls = parsed.urlset.url;
    files = await listOutput(site.out);
    oracle = await readOracleSessions();
  });
  afterAll(() => site.cleanup());

  it('is well-formed XML', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it('lists every HTML page the build wrote, once, and nothing else; not the 404 page nor the redirect at the root', () => {
    const pages = files.filter((f) => f.endsWith('.html') && f !== '404.html' && f !== 'index.html').map(servedUrl);
    expect(urls.map((u) => u.loc).sort()).toEqual(pages.sort());
    expect(new Set(urls.map((u) => u.loc)).size).toBe(urls.length);
    expect(pages).toContain(`${SITE_ROOT}webinar/s05/`);
    expect(pages).toContain(`${SITE_ROOT}webinar/s05e02/`);
    expect(pages).toContain(`${SITE_ROOT}privacy-notice/`);
  });

  it('keeps the 404 page out of search engines (noindex), and no other page', async () => {
    expect((await site.html('404.html')).querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect((await site.html('webinar/index.html')).querySelector('meta[name="robots"]')).toBeNull();
  });

  it('dates a past session and its talks by the session end, everything else by the latest end before now', () => {
    const lastmod = (route: string) => urls.find((u) => u.loc === SITE_ROOT + route)?.lastmod;
    const s04 = oracle.find((s) => s.season === 4)!;
    const s04End = s04.end!.toUTC().toISO({ suppressMilliseconds: true });
    expect(lastmod('webinar/s01/')).toBe(oracle[0]!.end!.toUTC().toISO({ suppressMilliseconds: true }));
    expect(lastmod('webinar/s01e02/')).toBe(lastmod('webinar/s01/'));
    for (const route of ['webinar/', 'webinar_talks/', 'privacy-notice/', 'webinar/s04/', 'webinar/s05/', 'webinar/s05e02/', 'webinar/s10/']) {
      expect(lastmod(route), route).toBe(s04End);
    }
    for (const url of urls) expect(Date.parse(url.lastmod!)).toBeLessThanOrEqual(Date.parse(NOW));
  });

  it('is named in robots.txt by its absolute URL under the base path', async () => {
    const robots = await site.read('robots.txt');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).toMatch(/^Disallow:$/m);
    expect(robots).toMatch(new RegExp(`^Sitemap: ${SITE_ROOT.replace(/[.]/g, '\\.')}sitemap\\.xml$`, 'm'));
  });
});
