import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/site.js';
import { axeContext, COLOUR_RULES, violationsOn } from './axe.js';
import { hasChromium, launchChromium, SKIP_REASON } from './chromium.js';
import { NOWS, serveSiteAt, type ServedSite } from './served-site.js';

if (!hasChromium) console.log(SKIP_REASON);

const DESKTOP = { width: 1280, height: 900 };
const NARROWEST = { width: 320, height: 700 };
/** The main pages are also measured from phone to wide screen, and at 640 px (a 1280 px window at 200% zoom). */
const MAIN_PAGES = ['/webinar/', '/webinar/s05/', '/webinar/s05e02/', '/webinar/s04e02/', '/webinar_talks/', '/privacy-notice/'];
const WIDTHS = [375, 640, 768, 1024, 1920];

/** "/webinar/" → "webinar/index.html" */
const fileOf = (path: string) => (path.endsWith('/') ? `${path}index.html` : path).replace(/^\//, '');

/**
 * The checks that concern every page, made in one visit per page: a navigation costs about 0.25 s of
 * the machine's time here and an axe run 0.4 s, and the browser tests are bound by the two cores. The
 * page loads at 1280 px in the light scheme while its requests and console are watched, axe-core runs
 * every rule in light, and the colour rules in dark on one page of each kind per build (the dark scheme
 * changes colours only, and pages of a kind share their markup and stylesheet), and the
 * window narrows to 320 px to measure sideways scrolling. Both builds are
 * visited; a page of the second whose bytes are those of the first is not visited again (same page,
 * same stylesheet: same findings). Each check is then its own test.
 */
/** A session, talk, speaker or topic page, or the page itself (webinar page, archive, indexes, content pages, 404). */
function kindOf(path: string): string {
  if (/^\/webinar\/s\d+\/$/.test(path)) return 'session';
  if (/^\/webinar\/s\d+[^/]+\/$/.test(path)) return 'talk';
  if (/^\/speakers\/[^/]+\/$/.test(path)) return 'speaker';
  if (/^\/topics\/[^/]+\/$/.test(path)) return 'topic';
  return path;
}
/** Kinds with many pages of one template, of which the second build visits one each (and S10's own). */
const MANY = ['session', 'talk', 'speaker', 'topic'];
/**
 * A speaker's and a topic's page are lists of the archive's entries under a heading, 60 pages of one
 * template: of each kind the browser visits the first, the one with the longest name (the heading most
 * likely to overflow at 320 px) and the longest page (the most entries). html-validate reads them all.
 */
const LIST_KINDS = ['speaker', 'topic'];

/**
 * The markup of a page's main content without its text: each element as its tag, classes and the
 * attributes that carry meaning for assistive technology (aria-*, role, hidden, tabindex, alt, title,
 * lang), as a sorted set. Session and talk pages with the same markup differ only in text, and the
 * rules text can break (empty links, titles, alternative text) are html-validate's, which reads every
 * page; so axe runs (in the light scheme) on one session and one talk page of each markup, about 10 of
 * the 40. Every page is still visited for width, requests and console errors.
 */
function markupOf(html: string): string {
  const main = /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? html;
  const elements = new Set<string>();
  for (const [, tag, attributes] of main.matchAll(/<([a-z0-9]+)((?:\s[^>]*)?)>/g)) {
    const classes = (/\sclass="([^"]*)"/.exec(attributes!)?.[1] ?? '').split(/\s+/).filter(Boolean).sort();
    const names = [...attributes!.matchAll(/\s([a-z-]+)(?==|\s|\/?$)/g)].map((m) => m[1]!).filter((name) => /^(aria-.*|role|hidden|tabindex|alt|title|lang)$/.test(name)).sort();
    elements.add(`${tag}.${classes.join('.')}[${names.join(',')}]`);
  }
  return [...elements].sort().join(' ');
}
const SAMPLED_BY_MARKUP = ['session', 'talk'];
async function listPagesToVisit(site: ServedSite): Promise<Set<string>> {
  const picked = new Set<string>();
  for (const kind of LIST_KINDS) {
    const pages = site.pages.filter((path) => kindOf(path) === kind);
    const sizes = new Map(await Promise.all(pages.map(async (path) => [path, (await site.site.read(fileOf(path))).length] as const)));
    const longest = (score: (path: string) => number) => pages.reduce((best, path) => (score(path) > score(best) ? path : best));
    if (pages.length) picked.add(pages[0]!).add(longest((path) => path.length)).add(longest((path) => sizes.get(path)!));
  }
  return picked;
}

describe.skipIf(!hasChromium)('every page of the frozen real site, built for S05 and for S10', () => {
  const served: ServedSite[] = [];
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const visited: string[] = [];
  const axe = { light: [] as string[], dark: [] as string[] };
  const darkKinds = new Set<string>();
  const againKinds = new Set<string>();
  const axeMarkups = new Set<string>();
  const axeRuns: string[] = [];
  const overflowing: string[] = [];
  const outside: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    let s05: ServedSite, s10: ServedSite;
    [s05, s10, browser] = await Promise.all([serveSiteAt(NOWS.s05), serveSiteAt(NOWS.s10), launchChromium()]);
    served.push(s05, s10);
    context = await axeContext(browser, { viewport: DESKTOP, colorScheme: 'light' });
    page = await context.newPage();
    const own = new Set(served.map((site) => new URL(site.server.origin).host));
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol !== 'data:' && !own.has(url.host)) outside.push(`${page.url()} → ${request.url()}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error' && !/404 \(Not Found\)/.test(message.text())) errors.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));

    for (const site of served) {
      const label = site === s05 ? 'S05' : 'S10';
      const lists = await listPagesToVisit(site);
      for (const path of ['/', ...site.pages, '/no-such-page/']) {
        if (LIST_KINDS.includes(kindOf(path)) && !lists.has(path)) continue;
        if (site === s10 && s05.pages.includes(path) && (await s05.site.read(fileOf(path))) === (await s10.site.read(fileOf(path)))) continue;
        // Of the second build's session and talk pages, those of S10 (a state the first build has not:
        // the date to be announced) and one of each kind of the others: their templates and states are
        // those the first build's pages were checked in.
        if (site === s10 && MANY.includes(kindOf(path)) && !path.startsWith('/webinar/s10')) {
          if (againKinds.has(kindOf(path))) continue;
          againKinds.add(kindOf(path));
        }
        await page.goto(site.url(path), { waitUntil: 'load' });
        // "/" redirects to /webinar/ with a meta refresh; the page it lands on is checked on its own.
        if (path === '/') {
          await page.waitForURL(site.url('/webinar/'));
          continue;
        }
        visited.push(`${label} ${path}`);
        const where = `${path} (${label})`;
        // Below the fold too: lazy images, if any, load when scrolled to.
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        const markup = SAMPLED_BY_MARKUP.includes(kindOf(path)) ? `${label} ${kindOf(path)} ${markupOf(await site.site.read(fileOf(path)))}` : undefined;
        if (markup === undefined || !axeMarkups.has(markup)) {
          axe.light.push(...(await violationsOn(page, where)));
          axeRuns.push(`${label} ${path}`);
          if (markup !== undefined) axeMarkups.add(markup);
        }
        if (!darkKinds.has(`${label} ${kindOf(path)}`)) {
          darkKinds.add(`${label} ${kindOf(path)}`);
          await page.emulateMedia({ colorScheme: 'dark' });
          axe.dark.push(...(await violationsOn(page, where, 'colour')));
          await page.emulateMedia({ colorScheme: 'light' });
        }
        const widths = [NARROWEST.width, ...(site === s05 && MAIN_PAGES.includes(path) ? WIDTHS : [])];
        for (const width of widths) {
          await page.setViewportSize({ width, height: 800 });
          const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
          if (scroll > client) overflowing.push(`${where} at ${width} px: ${scroll} > ${client}`);
        }
        await page.setViewportSize(DESKTOP);
      }
      expect(page.url()).toBe(site.url('/no-such-page/'));
    }
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await Promise.all(served.map((site) => site.close()));
  });

  it('visits every page of the first build but the speaker and topic pages (two or three of each), and of the second the site-wide pages, those of S10 and one other session, talk, speaker and topic page', async () => {
    const [s05, s10] = served;
    expect(s05!.pages.length).toBeGreaterThan(40);
    expect(s10!.pages.length).toBeGreaterThan(40);
    const first = visited.filter((v) => v.startsWith('S05 ')).map((v) => v.slice(4));
    const notAList = (path: string) => !LIST_KINDS.includes(kindOf(path));
    expect(first.filter(notAList)).toEqual([...s05!.pages.filter(notAList), '/no-such-page/']);
    for (const kind of LIST_KINDS) expect(first.filter((path) => kindOf(path) === kind).length, kind).toBeOneOf([2, 3]);
    // The webinar page and the archive change with "now" (S10's own pages have the first build's bytes here).
    const second = visited.filter((v) => v.startsWith('S10 '));
    expect(second).toEqual(expect.arrayContaining(['S10 /webinar/', 'S10 /webinar_talks/']));
    expect(second.filter((v) => /^S10 \/webinar\/s\d/.test(v) && !v.startsWith('S10 /webinar/s10')).map((v) => kindOf(v.slice(4)))).toEqual(['session', 'talk']);
    expect(second.filter((v) => /^S10 \/(speakers|topics)\/[^/]+\/$/.test(v)).map((v) => kindOf(v.slice(4))).sort()).toEqual(['speaker', 'topic']);
  });

  it('runs axe-core in the light scheme on every visited page but the session and talk pages, of which one of each markup', () => {
    const sampled = axeRuns.filter((run) => SAMPLED_BY_MARKUP.includes(kindOf(run.split(' ')[1]!)));
    const others = visited.filter((visit) => !SAMPLED_BY_MARKUP.includes(kindOf(visit.split(' ')[1]!)));
    expect(axeRuns.filter((run) => !sampled.includes(run))).toEqual(others);
    // Both kinds come in several markups (recordings or not, one or two speakers, a photo, upcoming or past).
    for (const kind of SAMPLED_BY_MARKUP) expect(sampled.filter((run) => kindOf(run.split(' ')[1]!) === kind).length, kind).toBeGreaterThanOrEqual(3);
    expect(sampled.length).toBeLessThan(visited.length - others.length);
  });

  it('checks the dark scheme on a page of each kind of each build: webinar page, archive, session, talk, speaker, topic, indexes, content page, 404', () => {
    // The second build's pages that have the first's bytes (its content pages, its 404) are not visited again.
    const expected = [
      ...['/webinar/', '/webinar_talks/', 'session', 'talk', 'speaker', 'topic', '/speakers/', '/topics/', '/privacy-notice/', '/no-such-page/'].map((kind) => `S05 ${kind}`),
      ...['/webinar/', '/webinar_talks/', 'session', 'talk', 'speaker', 'topic'].map((kind) => `S10 ${kind}`),
    ];
    expect([...darkKinds]).toEqual(expect.arrayContaining(expected));
  });

  it.each(['light', 'dark'] as const)('axe-core finds no violation on any page but the speaker and topic pages (light; one of each) or a page of each kind (dark) in the %s colour scheme', (scheme) => {
    expect(axe[scheme]).toEqual([]);
  });

  it(`has a dark scheme that changes colours only, so that only ${COLOUR_RULES.join(' and ')} can find anything new in it`, async () => {
    const css = await readFile(path.join(ROOT, 'templates/assets/style.css'), 'utf8');
    const blocks = [...css.matchAll(/@media[^{]*prefers-color-scheme:\s*dark[^{]*\{([\s\S]*?)\n\}/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThan(0);
    const declarations = blocks.flatMap((block) => [...block.matchAll(/([\w-]+)\s*:[^;{}]+;/g)].map((m) => m[1]!));
    expect(declarations.length).toBeGreaterThan(5);
    expect(declarations.filter((name) => !name.startsWith('--'))).toEqual([]);
    const selectors = blocks.flatMap((block) => [...block.matchAll(/([^{}]+)\{/g)].map((m) => m[1]!.trim()));
    expect(selectors).toEqual([':root']);
  });

  it.each(['light', 'dark'] as const)('axe-core finds no violation with every disclosure, a player and the form opened, in the %s colour scheme', async (colorScheme) => {
    const tab = await context.newPage();
    await tab.emulateMedia({ colorScheme });
    await tab.route(/youtube|sibforms/, (route) => route.abort());
    const violations: string[] = [];
    for (const [site, talk] of [[served[0]!, '/webinar/s04e02/'], [served[1]!, '/webinar/s09e02/']] as const) {
      for (const path of ['/webinar/', talk]) {
        await tab.goto(site.url(path));
        await tab.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
        // Each press replaces its button (the webinar page has a play button per latest recording), so press the first one left.
        const buttons = tab.locator('button.play, button.show-form');
        while (await buttons.count()) await buttons.first().click();
        expect(await tab.locator('iframe').count()).toBeGreaterThan(0);
        violations.push(...(await violationsOn(tab, `${path} with everything opened`, colorScheme === 'dark' ? 'colour' : 'all')));
      }
    }
    await tab.close();
    expect(violations).toEqual([]);
  });

  it('axe-core would report a mistake (the check is live)', async () => {
    await page.goto(served[0]!.url('/webinar/'));
    await page.evaluate(() => {
      document.querySelector('h1')!.style.color = getComputedStyle(document.body).backgroundColor;
      document.querySelector('.skip-link')!.textContent = '';
    });
    const planted = await violationsOn(page, 'a page made to fail');
    expect(planted.map((line) => line.split(' ')[0])).toEqual(expect.arrayContaining(['color-contrast', 'link-name']));
  });

  it('never scrolls sideways at 320 px on any page, nor from 375 to 1920 px (and at 200% zoom of a 1280 px window) on the main pages', () => {
    expect(overflowing).toEqual([]);
  });

  it('requests nothing outside the site when any page loads, and the pages break no rule of their Content Security Policy', () => {
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });
});
