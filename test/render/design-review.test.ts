import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAt, textOf, type BuiltSite } from '../helpers/site.js';

/** What a visitor notices of the design review's fixes, on the frozen real content. */
describe('the real site on 2024-03-20 (before S05)', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildAt('2024-03-20T12:00:00+01:00');
  });
  afterAll(() => site.cleanup());

  it('names a talk\'s website by its speaker, never by the raw URL', async () => {
    for (const page of [await site.html('webinar/s03e01/index.html'), await site.html('webinar/s03/index.html')]) {
      const links = page.querySelectorAll('.talk-links a[href^="http"]');
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) expect(textOf(link)).not.toMatch(/https?:|www\./);
    }
    const kooi = await site.html('webinar/s03e01/index.html');
    expect(kooi.querySelectorAll('.talk-links a').map(textOf)).toEqual(['Website of Dr. Thijs Kooi']);
  });

  it('links each talk card to its page with a text that is not "Page of S05E01"', async () => {
    const webinar = await site.html('webinar/index.html');
    const link = webinar.querySelector('#s05e01 .talk-links a[href="/webinar/s05e01/"]')!;
    expect(textOf(link)).toMatch(/^Talk page: Ground Truth Or Dare/);
    expect(webinar.querySelector('.talk-links a[href="/webinar/s05e01/"] .visually-hidden')).not.toBeNull();
  });

  it('shows no recording on a talk page before its session has taken place', async () => {
    const reinke = await site.html('webinar/s05e02/index.html');
    expect(reinke.querySelector('.recording')).toBeNull();
    expect(reinke.querySelector('#recording-heading')).toBeNull();
  });

  it('puts a past talk\'s recording before its (quieter) date card', async () => {
    const page = await site.read('webinar/s04e02/index.html');
    expect(page.indexOf('class="talk-recording"')).toBeGreaterThan(0);
    expect(page.indexOf('class="talk-recording"')).toBeLessThan(page.indexOf('class="event-card event-card-past"'));
  });

  it('says that there is no recording of a past talk without one', async () => {
    const page = await site.html('webinar/s03-damgaard-eriksen/index.html');
    expect(textOf(page.querySelector('.talk-recording'))).toBe('Recording There is no recording of this talk.');
    const archive = await site.html('webinar_talks/index.html');
    expect(textOf(archive.querySelector('#s03-damgaard-eriksen .no-recording'))).toBe('There is no recording of this talk.');
  });

  it('labels talks without an episode number by their speakers\' surnames', async () => {
    const webinar = await site.html('webinar/index.html');
    expect(textOf(webinar.querySelector('#s03-damgaard-eriksen .code'))).toBe('S03 · Damgaard and Eriksen');
    const page = await site.html('webinar/s03-damgaard-eriksen/index.html');
    expect(textOf(page.querySelector('h1 .code'))).toBe('S03 · Damgaard and Eriksen');
  });

  it('offers the newest four recorded talks first, as text cards without anything from YouTube', async () => {
    const webinar = await site.html('webinar/index.html');
    const cards = webinar.querySelectorAll('.latest-recordings .recording-card');
    expect(cards.map((card) => textOf(card.querySelector('.code')))).toEqual(['S04E01', 'S04E02', 'S04E03', 'S03E01']);
    for (const card of cards) {
      expect(card.querySelector('a.watch')?.getAttribute('href')).toMatch(/^https:\/\/(youtu\.be|www\.youtube\.com)\//);
      expect(card.querySelector('img, iframe')).toBeNull();
    }
    const html = await site.read('webinar/index.html');
    expect(html.indexOf('id="latest-recordings"')).toBeLessThan(html.indexOf('id="previous-talks"'));
  });

  it('has the newsletter and the calendar subscription in the site navigation', async () => {
    const page = await site.html('webinar/s04e02/index.html');
    const nav = page.querySelector('header nav')!;
    expect(nav.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual(['/webinar/', '/webinar_talks/', '/webinar/#newsletter', '/webinar/#subscribe']);
    const webinar = await site.html('webinar/index.html');
    expect(webinar.querySelector('#newsletter')).not.toBeNull();
    expect(webinar.querySelector('#subscribe')).not.toBeNull();
  });

  it('says beside the playlist that it holds the talks the authors agreed to share', async () => {
    const webinar = await site.html('webinar/index.html');
    expect(textOf(webinar.querySelector('.intro-links li'))).toBe('All recordings in our YouTube playlist, where the authors have agreed to share the talk');
  });

  it('offers "Copy link" on session and talk pages, for the page\'s own address', async () => {
    for (const [file, url] of [['webinar/s05/index.html', '/webinar/s05/'], ['webinar/s05e02/index.html', '/webinar/s05e02/']] as const) {
      const page = await site.html(file);
      const box = page.querySelector('.copy-link.needs-js')!;
      expect(box.getAttribute('data-url'), file).toMatch(new RegExp(`${url}$`));
      expect(page.querySelector('script[src$="assets/copy-link.js"]'), file).not.toBeNull();
    }
  });

  it('gives the / redirect page a viewport and a visible link', async () => {
    const home = await site.html('index.html');
    expect(home.querySelector('meta[name="viewport"]')).not.toBeNull();
    expect(home.querySelector('body a[href="/webinar/"]')).not.toBeNull();
  });
});

describe('the real site on 2026-11-27 (S10 announced, date and topic to be announced)', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildAt('2026-11-27T12:00:00+01:00');
  });
  afterAll(() => site.cleanup());

  it('gives the undated session page the newsletter and the calendar subscription to act on', async () => {
    const page = await site.html('webinar/s10/index.html');
    expect(textOf(page.querySelector('h1'))).toBe('S10, topic to be announced');
    expect(textOf(page.querySelector('.fact-date .tba'))).toBe('Date to be announced');
    expect(page.querySelector('section.newsletter #newsletter')).not.toBeNull();
    expect(page.querySelector('section.subscribe #subscribe')).not.toBeNull();
    expect(page.querySelector('.event-card .next-hint a[href="#subscribe"]')).not.toBeNull();
  });

  it('labels the three S10 talks apart', async () => {
    const page = await site.html('webinar/s10/index.html');
    expect(page.querySelectorAll('article.talk h3 .code').map(textOf)).toEqual(['S10 · Joskowicz', 'S10 · Quinn', 'S10 · Abhishek']);
  });
});
