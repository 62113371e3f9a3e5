import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuiltSite } from '../helpers/site.js';
import { buildProjectSite, fileFor, listOutput, servedUrl, SITE_URL } from './published-site.js';

/** Attributes that hold a URL the browser or a crawler follows. */
const URL_ATTRIBUTES = ['href', 'src', 'action', 'poster', 'data-src'];
/** Absolute same-origin URLs written anywhere in a text file: meta tags, JSON-LD, feed, sitemap, calendars. */
const ABSOLUTE = new RegExp(`${SITE_URL.replace(/[.]/g, '\\.')}[^\\s"'<>\\\\)\\]]*`, 'g');

interface Link {
  from: string;
  url: URL;
}

/** Every link of an HTML page, resolved against the URL the page is served at. */
function linksOfHtml(file: string, html: HTMLElement): Link[] {
  const base = servedUrl(file);
  const links: Link[] = [];
  for (const element of html.querySelectorAll('*')) {
    for (const name of URL_ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (value !== undefined) links.push({ from: file, url: new URL(value, base) });
    }
    const srcset = element.getAttribute('srcset');
    if (srcset) for (const part of srcset.split(',')) links.push({ from: file, url: new URL(part.trim().split(/\s+/)[0]!, base) });
  }
  const refresh = html.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content');
  const target = refresh && /url=(.+)$/i.exec(refresh)?.[1];
  if (target) links.push({ from: file, url: new URL(target.trim(), base) });
  return links;
}

/**
 * Absolute same-origin URLs in the text, with ICS line folding undone first (RFC 5545 §3.1) and, in XML,
 * the character references of text (the feed's HTML content is escaped into it). A JSON-LD "@id" names
 * a node ("…/s05/#event") and is never fetched, so it is not a link.
 */
function absoluteLinksOfText(file: string, text: string): Link[] {
  const xml = file.endsWith('.xml') ? text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'") : text;
  const unfolded = xml.replace(/\r?\n[ \t]/g, '').replace(/"@id":"[^"]*"/g, '');
  return [...unfolded.matchAll(ABSOLUTE)].map((match) => ({ from: file, url: new URL(match[0].replace(/&amp;/g, '&')) }));
}

// Before S05 (next session with registration, later sessions dated) and with S10 announced but undated.
describe.each([
  { now: '2024-03-20T12:00:00+01:00', archived: 's04e02', upcoming: 's05' },
  { now: '2026-11-27T12:00:00+01:00', archived: 's05e02', upcoming: 's10' },
])('the site built at $now with --base-path /webinar-site/ --site-url https://example.github.io', ({ now, archived, upcoming }) => {
  let site: BuiltSite;
  let files: string[];
  let links: Link[];
  const pages = new Map<string, HTMLElement>();
  const texts = new Map<string, string>();

  beforeAll(async () => {
    site = await buildProjectSite(now);
    files = await listOutput(site.out);
    links = [];
    for (const file of files) {
      if (/\.(png|jpe?g|gif|webp|ico|woff2?)$/.test(file)) continue;
      const text = await readFile(path.join(site.out, file), 'utf8');
      texts.set(file, text);
      if (file.endsWith('.html')) {
        const html = parse(text);
        pages.set(file, html);
        links.push(...linksOfHtml(file, html));
      }
      links.push(...absoluteLinksOfText(file, text));
    }
  });
  afterAll(() => site.cleanup());

  it('builds', () => {
    expect(site.result.ok).toBe(true);
    expect(links.length).toBeGreaterThan(1000);
  });

  it('keeps every same-origin link under /webinar-site/', () => {
    const outside = links.filter((l) => l.url.origin === SITE_URL && fileFor(l.url) === undefined).map((l) => `${l.from} → ${l.url.href}`);
    expect(outside).toEqual([]);
  });

  it('links only to files the build wrote', () => {
    const broken = links
      .filter((l) => l.url.origin === SITE_URL)
      .filter((l) => {
        const target = fileFor(l.url);
        return target !== undefined && !files.includes(target);
      })
      .map((l) => `${l.from} → ${l.url.href}`);
    expect([...new Set(broken)]).toEqual([]);
  });

  it('finds the id of every fragment on its target page', () => {
    const missing = links
      .filter((l) => l.url.origin === SITE_URL && l.url.hash.length > 1)
      .filter((l) => {
        const target = fileFor(l.url);
        const page = target && pages.get(target);
        const id = decodeURIComponent(l.url.hash.slice(1));
        return !page || !page.querySelector(`[id="${id}"]`);
      })
      .map((l) => `${l.from} → ${l.url.href}`);
    expect([...new Set(missing)]).toEqual([]);
  });

  it(`checks archive anchors such as #${archived}, the stylesheet, the feed, a calendar and the share images`, () => {
    const hrefs = new Set(links.map((l) => l.url.href));
    expect(hrefs).toContain(`https://example.github.io/webinar-site/webinar_talks/#${archived}`);
    expect(hrefs).toContain('https://example.github.io/webinar-site/assets/style.css');
    expect(hrefs).toContain('https://example.github.io/webinar-site/webinar/feed.xml');
    expect(hrefs).toContain('https://example.github.io/webinar-site/assets/og-image.png');
    expect(hrefs).toContain(`https://example.github.io/webinar-site/webinar/${upcoming}/og-image.png`);
    expect([...hrefs].some((href) => href.startsWith('https://example.github.io/webinar-site/') && href.endsWith('.ics'))).toBe(true);
  });

  it('#7 carries no YouTube si= tracking parameter in any link of any file', () => {
    expect(links.filter((l) => l.url.searchParams.has('si')).map((l) => `${l.from} → ${l.url.href}`)).toEqual([]);
    expect([...texts].filter(([, text]) => /[?&](amp;)?si=/.test(text)).map(([file]) => file)).toEqual([]);
  });

  it('#7 loads nothing from another origin in any page: scripts, styles, images and frames are the site’s own', () => {
    const loaded = [...pages].flatMap(([file, html]) =>
      html
        .querySelectorAll('script[src], link[rel~="stylesheet"], link[rel~="icon"], link[rel~="preconnect"], link[rel~="preload"], img, iframe, video, audio, source, embed, object')
        .map((element) => element.getAttribute('src') ?? element.getAttribute('href') ?? element.getAttribute('data') ?? '')
        .filter((url) => new URL(url, servedUrl(file)).origin !== SITE_URL)
        .map((url) => `${file} → ${url}`),
    );
    expect(loaded).toEqual([]);
  });

  it('reaches every page from the webinar page by following links', () => {
    const reached = new Set<string>(['webinar/index.html']);
    const queue = ['webinar/index.html'];
    while (queue.length > 0) {
      const file = queue.shift()!;
      for (const link of links.filter((l) => l.from === file && l.url.origin === SITE_URL)) {
        const target = fileFor(link.url);
        if (target && target.endsWith('.html') && !reached.has(target) && pages.has(target)) {
          reached.add(target);
          queue.push(target);
        }
      }
    }
    const unreachable = [...pages.keys()].filter((file) => !reached.has(file) && file !== '404.html' && file !== 'index.html');
    expect(unreachable).toEqual([]);
  });
});
