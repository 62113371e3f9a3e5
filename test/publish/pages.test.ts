import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textOf, type BuiltSite } from '../helpers/site.js';
import { buildProjectSite, fileFor, listOutput, servedUrl, SITE_ROOT } from './published-site.js';

const meta = (page: Awaited<ReturnType<BuiltSite['html']>>, key: string) =>
  page.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content');

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

let site: BuiltSite;
let files: string[];
beforeAll(async () => {
  site = await buildProjectSite('2024-03-20T12:00:00+01:00');
  files = await listOutput(site.out);
});
afterAll(() => site.cleanup());

describe('a page per session', () => {
  it('shows topic, time in the session zone, registration while upcoming, every talk in full, and previous/next sessions', async () => {
    const page = await site.html('webinar/s05/index.html');
    expect(textOf(page.querySelector('h1'))).toBe('S05: Dataset design and metrics');
    expect(page.querySelector('.facts time')?.getAttribute('datetime')).toBe('2024-03-25T16:00:00+01:00');
    expect(page.querySelector('a.button[href^="https://itucph.zoom.us/meeting/register/"]')).not.toBeNull();
    expect(page.querySelectorAll('article.talk').map((a) => a.id)).toEqual(['s05e01', 's05e02', 's05e03']);
    expect(page.querySelectorAll('article.talk .abstract')).toHaveLength(3);
    expect(page.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe('/webinar-site/webinar/s04/');
    expect(page.querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/webinar-site/webinar/s06/');
  });

  it('shows recordings instead of registration once the session is past', async () => {
    const page = await site.html('webinar/s04/index.html');
    expect(page.querySelector('a.button[href*="zoom.us"]')).toBeNull();
    expect(page.querySelectorAll('article.talk a').filter((a) => textOf(a).startsWith('Watch the recording'))).toHaveLength(3);
    expect((await site.html('webinar/s05/index.html')).querySelectorAll('a').filter((a) => textOf(a).startsWith('Watch the recording'))).toHaveLength(0);
  });
});

describe('a page per talk', () => {
  it('shows title, speakers with bios and websites, abstract, session and time, and links back to the session', async () => {
    const page = await site.html('webinar/s05e02/index.html');
    expect(textOf(page.querySelector('h1'))).toBe('S05E02 Why your Dataset Matters: Choosing the Right Metrics for Biomedical Image Analysis');
    expect(page.querySelector('section[aria-labelledby="speakers-heading"] h3 a')?.getAttribute('href')).toBe('https://www.dkfz.de/en/imsy/team/people/Annika_Reinke.html');
    expect(textOf(page.querySelector('section[aria-labelledby="speakers-heading"]'))).toContain('earned her PhD degree');
    expect(textOf(page.querySelector('section[aria-labelledby="abstract-heading"]'))).toContain('Validation metrics are key');
    expect(page.querySelector('.facts a[href="/webinar-site/webinar/s05/"]')).not.toBeNull();
    expect(page.querySelector('.facts time')?.getAttribute('datetime')).toBe('2024-03-25T16:00:00+01:00');
  });

  it('links a past talk to its recording and its archive entry, an upcoming one to the archive itself', async () => {
    const past = await site.html('webinar/s04e02/index.html');
    expect(past.querySelector('a[href="https://youtu.be/aWhryWZc3Jo"]')).not.toBeNull();
    expect(past.querySelector('a[href="/webinar-site/webinar_talks/#s04e02"]')).not.toBeNull();
    const upcoming = await site.html('webinar/s05e02/index.html');
    expect(upcoming.querySelector('a[href^="/webinar-site/webinar_talks/#"]')).toBeNull();
    expect(upcoming.querySelectorAll('main a[href="/webinar-site/webinar_talks/"]').length).toBeGreaterThan(0);
  });

  it('is linked from the webinar page and the archive, which keeps its anchors', async () => {
    const webinar = await site.html('webinar/index.html');
    expect(webinar.querySelector('a[href="/webinar-site/webinar/s05/"]')).not.toBeNull();
    expect(webinar.querySelector('a[href="/webinar-site/webinar/s05e02/"]')).not.toBeNull();
    const archive = await site.html('webinar_talks/index.html');
    expect(archive.querySelector('a[href="/webinar-site/webinar/s04/"]')).not.toBeNull();
    expect(archive.querySelector('#s04e02 a[href="/webinar-site/webinar/s04e02/"]')).not.toBeNull();
  });
});

describe('metadata of every page', () => {
  it('has title, description, canonical URL, Open Graph and Twitter card tags naming its own URL', async () => {
    for (const file of files.filter((f) => f.endsWith('.html') && f !== 'index.html')) {
      const page = await site.html(file);
      const url = servedUrl(file);
      expect(textOf(page.querySelector('title')), file).toMatch(/Datasets through the Looking-Glass$/);
      expect(meta(page, 'description'), file).toBeTruthy();
      expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href'), file).toBe(url);
      expect(meta(page, 'og:url'), file).toBe(url);
      expect(meta(page, 'og:type'), file).toBe('website');
      expect(meta(page, 'og:site_name'), file).toBe('Datasets through the Looking-Glass');
      expect(meta(page, 'og:title'), file).toBe(textOf(page.querySelector('title')));
      expect(meta(page, 'og:description'), file).toBe(meta(page, 'description'));
      expect(page.querySelector('meta[name="twitter:card"]')?.getAttribute('content'), file).toBe('summary_large_image');
      expect(page.querySelector('meta[property^="twitter:"]'), file).toBeNull();
      expect(meta(page, 'twitter:title')!.length, file).toBeLessThanOrEqual(70);
      expect(meta(page, 'twitter:description')!.length, file).toBeLessThanOrEqual(200);
      const image = meta(page, 'og:image')!;
      expect(meta(page, 'twitter:image'), file).toBe(image);
      expect(files, file).toContain(fileFor(new URL(image)));
    }
  });

  it('shares a session page and its talks with the session image, other pages with the series image, both 1200×630 PNG', async () => {
    expect(meta(await site.html('webinar/s05/index.html'), 'og:image')).toBe(`${SITE_ROOT}webinar/s05/og-image.png`);
    expect(meta(await site.html('webinar/s05e02/index.html'), 'og:image')).toBe(`${SITE_ROOT}webinar/s05/og-image.png`);
    expect(meta(await site.html('webinar/index.html'), 'og:image')).toBe(`${SITE_ROOT}assets/og-image.png`);
    for (const image of ['assets/og-image.png', 'webinar/s05/og-image.png', 'webinar/s10/og-image.png']) {
      expect(pngSize(await readFile(path.join(site.out, image)))).toEqual({ width: 1200, height: 630 });
    }
  });

  it('describes a talk page by its talk and session', async () => {
    expect(meta(await site.html('webinar/s05e02/index.html'), 'description')).toBe(
      'S05E02: “Why your Dataset Matters: Choosing the Right Metrics for Biomedical Image Analysis” by Dr. Annika Reinke. S05 of Datasets through the Looking-Glass, Monday 25 March 2024, 16:00–17:30 CET.',
    );
  });
});
