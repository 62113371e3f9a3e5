import { readFile } from 'node:fs/promises';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAt, textOf, type BuiltSite } from './helpers/site.js';

describe('the real site on 2024-03-20 (before S05)', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildAt('2024-03-20T12:00:00+01:00');
  });
  afterAll(() => site.cleanup());

  it('builds every talk without errors', () => {
    expect(site.result.ok).toBe(true);
    expect(site.result.talks).toBe(30);
  });

  it('shows the three S05 talks as the next webinar on 25 March 2024 at 16:00 CET', async () => {
    const page = await site.html('webinar/index.html');
    // As shown: the session that follows it waits in a <template> for the page to be read after it ended.
    const next = page.querySelector('section.next .next-now') ?? page.querySelector('section.next')!;
    expect(textOf(next.querySelector('h2'))).toBe('Next webinar: Dataset design and metrics');
    const time = next.querySelector('time')!;
    expect(time.getAttribute('datetime')).toBe('2024-03-25T16:00:00+01:00');
    expect(textOf(time)).toContain('25 March 2024');
    expect(textOf(time)).toMatch(/16:00.*CET/);
    expect(textOf(time)).not.toContain('CEST');
    expect(next.querySelectorAll('article.talk').map((a) => a.id)).toEqual(['s05e01', 's05e02', 's05e03']);
    const register = next.querySelector('.actions a.button')!;
    expect(register.getAttribute('href')).toBe('https://itucph.zoom.us/meeting/register/u5UqdO2vrzsvHtTfd-ILmjh989Lx_8a7aI2M');
    expect(textOf(register)).toBe('Register on Zoom for S05');
  });

  it('lists S01–S04 as previous talks, newest session first', async () => {
    const page = await site.html('webinar/index.html');
    const codes = page.querySelectorAll('ul.previous > li').map((li) => li.id);
    expect(codes).toEqual([
      's04e01', 's04e02', 's04e03',
      's03e01', 's03-damgaard-eriksen', 's03e02',
      's02e01', 's02e02', 's02e03',
      's01e01', 's01e02', 's01e03',
    ]);
    const reinkeLater = page.querySelector('ul.previous #s05e02');
    expect(reinkeLater).toBeNull();
  });

  it('writes each previous talk as a card: code · date, title linking to its page, speakers (place), recording', async () => {
    const page = await site.html('webinar/index.html');
    const card = page.querySelector('ul.previous #s01e01')!;
    expect(textOf(card)).toBe(
      'S01E01 · 27 February 2023 Challenges with equipoise and fairness in AI/ML datasets in dermatology Dr. Roxana Daneshjou (Stanford University, USA) Watch the recording of S01E01',
    );
    expect(card.querySelector('h3 a')?.getAttribute('href')).toBe('/webinar/s01e01/');
    const recording = page.querySelector('ul.previous #s01e01 a[href^="https://www.youtube.com"]');
    expect(recording?.getAttribute('href')).toBe('https://www.youtube.com/watch?v=hDKuw28ATe4');
  });
});

describe('the real site on 2025-10-15 (before S08)', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildAt('2025-10-15T09:00:00+02:00');
  });
  afterAll(() => site.cleanup());

  it('shows S08 next at 09:30 CEST, since 20 October 2025 is before the switch to winter time', async () => {
    const page = await site.html('webinar/index.html');
    // As shown: the session that follows it waits in a <template> for the page to be read after it ended.
    const next = page.querySelector('section.next .next-now') ?? page.querySelector('section.next')!;
    expect(textOf(next.querySelector('h2'))).toBe('Next webinar: Language and image data');
    const time = next.querySelector('time')!;
    expect(time.getAttribute('datetime')).toBe('2025-10-20T09:30:00+02:00');
    expect(textOf(time)).toMatch(/20 October 2025, 09:30.*CEST/);
  });
});

describe('the real site on 2026-11-27 (S10 announced, date TBA)', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildAt('2026-11-27T10:00:00+01:00');
  });
  afterAll(() => site.cleanup());

  it('shows S10 next with its date to be announced', async () => {
    const page = await site.html('webinar/index.html');
    // As shown: the session that follows it waits in a <template> for the page to be read after it ended.
    const next = page.querySelector('section.next .next-now') ?? page.querySelector('section.next')!;
    expect(textOf(next)).toContain('Date to be announced');
    expect(next.querySelector('time')).toBeNull();
    expect(next.querySelectorAll('article.talk h3').map(textOf)).toEqual([
      'S10 · Joskowicz Observer variability in the AI machine learning zoo',
      'S10 · Quinn Interobserver Variability in Breast Screening: A Comparison of Measures',
      'S10 · Abhishek Styles, Signals, and Scale: Learning from Annotator Disagreement in Skin Lesion Segmentation',
    ]);
  });

  it('lists all 27 earlier talks as previous, newest first', async () => {
    const page = await site.html('webinar/index.html');
    const items = page.querySelectorAll('ul.previous > li');
    expect(items).toHaveLength(27);
    expect(items[0]!.id).toBe('s09e01');
    expect(items.at(-1)!.id).toBe('s01e03');
    const dates = items.map((li) => li.querySelector('time')?.getAttribute('datetime') ?? '');
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('gives every archive entry its talk page (with the abstract) and its speakers\' pages, under a stable anchor', async () => {
    const archive = await site.html('webinar_talks/index.html');
    const talks = archive.querySelectorAll('article.entry');
    expect(talks).toHaveLength(27);
    for (const talk of talks) {
      expect(talk.querySelector('.entry-title a')?.getAttribute('href'), talk.id).toBe(`/webinar/${talk.id}/`);
      expect(talk.querySelectorAll('.entry-speakers a[href^="/speakers/"]').length, talk.id).toBeGreaterThan(0);
    }
    expect(archive.querySelector('#s05e02 h3')?.textContent).toContain('Why your Dataset Matters');
    // Without JavaScript everything is listed; the search form is for scripts only.
    expect(archive.querySelector('form.archive-search')?.classList.contains('needs-js')).toBe(true);
    expect(archive.querySelectorAll('section.season h2').map(textOf)[0]).toBe('S09: Evaluation metrics');
  });

  it('keeps non-ASCII text intact', async () => {
    const webinar = await site.read('webinar/index.html');
    const archive = await site.read('webinar_talks/index.html');
    for (const text of ['Hubert Dariusz Zając', 'Amelia Jiménez-Sánchez', 'Federal University of Espírito Santo', 'CentraleSupélec, Université Paris-Saclay']) {
      expect(archive).toContain(text);
    }
    // The 👀 is drawn (an SVG), not left to the visitor's fonts; screen readers read "Looking-Glass".
    expect(webinar).toMatch(/<span class="eyes-word"><span aria-hidden="true">L<svg class="eyes"[^]*?<\/svg>king-Glass<\/span><span class="visually-hidden">Looking-Glass<\/span><\/span>/);
    expect(await site.read('speakers/natalia-rozalia-avlona/index.html')).toContain('Ηer'); // Greek capital Eta, as in the source
  });

  it('renders abstracts as Markdown with paragraphs and links, with raw HTML escaped', async () => {
    expect((await site.html('webinar/s01e02/index.html')).querySelectorAll('section[aria-labelledby="abstract-heading"] p').length).toBe(3);
    expect((await site.html('webinar/s02e02/index.html')).querySelector('section[aria-labelledby="abstract-heading"] a[href^="https://doi.org"]')).not.toBeNull();
  });

  it('writes the privacy notice, the redirect at / and a 404 page', async () => {
    const privacy = await site.html('privacy-notice/index.html');
    expect(textOf(privacy.querySelector('h1'))).toBe('Privacy notice');
    expect(textOf(privacy.querySelector('main'))).toContain('GDPR');
    const home = await site.read('index.html');
    expect(home).toContain('url=/webinar/');
    const missing = await site.html('404.html');
    expect(textOf(missing.querySelector('h1'))).toBe('Page not found');
  });

  it('lists organizers, funding and the newsletter with the privacy notice beside it', async () => {
    const page = await site.html('webinar/index.html');
    expect(textOf(page.querySelector('#organizers')?.parentNode as never)).toContain('Veronika Cheplygina');
    expect(textOf(page.querySelector('main'))).toContain('1134-00017B');
    const newsletter = page.querySelector("#newsletter")!.parentNode!;
    expect(newsletter.querySelector('a[href="/privacy-notice/"]')).not.toBeNull();
  });
});

describe('determinism', () => {
  it('gives byte-identical files for two builds of the same content at the same now', async () => {
    const first = await buildAt('2026-11-27T10:00:00+01:00');
    const second = await buildAt('2026-11-27T10:00:00+01:00');
    try {
      const files = (await readdir(first.out, { recursive: true, withFileTypes: true }))
        .filter((e) => e.isFile())
        .map((e) => path.relative(first.out, path.join(e.parentPath, e.name)))
        .sort();
      expect(files.length).toBeGreaterThan(40);
      for (const file of files) {
        const [a, b] = await Promise.all([readFile(path.join(first.out, file)), readFile(path.join(second.out, file))]);
        expect(a.equals(b), file).toBe(true);
      }
    } finally {
      await Promise.all([first.cleanup(), second.cleanup()]);
    }
  });
});
