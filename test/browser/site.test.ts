import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeContext, violationsOn } from './axe.js';
import { hasChromium, launchChromium, SKIP_REASON } from './chromium.js';
import { NOWS, serveSiteAt, type ServedSite } from './served-site.js';

if (!hasChromium) console.log(SKIP_REASON);

const PHONE = { width: 375, height: 800 };
const DESKTOP = { width: 1280, height: 900 };

/** Hosts a recording or the newsletter form may load from, and only after a click. */
const THIRD_PARTY = /youtube|ytimg|google|doubleclick|sibforms|brevo|sendinblue/;

describe.skipIf(!hasChromium)('the real site in Chromium', () => {
  const served: Partial<Record<keyof typeof NOWS, ServedSite>> = {};
  let browser: Browser;
  beforeAll(async () => {
    [served.s05, served.s10, browser] = await Promise.all([serveSiteAt(NOWS.s05), serveSiteAt(NOWS.s10), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all(Object.values(served).map((s) => s.close()));
  });

  /** What a page is opened with: window and colour scheme per page, JavaScript and time zone per context. */
  interface PageOptions {
    viewport: { width: number; height: number };
    colorScheme?: 'light' | 'dark';
    javaScriptEnabled?: boolean;
    timezoneId?: string;
    locale?: string;
  }
  // A new context costs about 0.7 s here, a page in an open one 0.15 s: pages share a context per
  // JavaScript setting and time zone (the site keeps no cookies or storage), and each test gets its own page.
  const contexts = new Map<string, Promise<BrowserContext>>();

  /** A new page with these options; closed after `use`. */
  async function withPage<T>(options: PageOptions, use: (page: Page) => Promise<T>): Promise<T> {
    const key = `${options.javaScriptEnabled ?? true} ${options.timezoneId ?? ''} ${options.locale ?? ''}`;
    if (!contexts.has(key)) {
      // The clock stands at the build time of the S05 site (pages follow the clock: after S05 ends, S06 is next).
      const context = browser.newContext({ javaScriptEnabled: options.javaScriptEnabled, timezoneId: options.timezoneId, locale: options.locale });
      contexts.set(key, context.then(async (c) => (await c.clock.setFixedTime(new Date(NOWS.s05)), c)));
    }
    const page = await (await contexts.get(key)!).newPage();
    try {
      await page.setViewportSize(options.viewport);
      await page.emulateMedia({ colorScheme: options.colorScheme ?? 'light' });
      return await use(page);
    } finally {
      await page.close();
    }
  }

  describe('layout', () => {
    it('shows the next session’s date, time and registration button in the first screen of a phone', async () => {
      await withPage({ viewport: PHONE }, async (page) => {
        await page.goto(served.s05!.url('/webinar/'));
        const time = page.locator('.next time').first();
        const register = page.getByRole('link', { name: 'Register on Zoom for S05' });
        expect(await time.textContent()).toMatch(/Monday 25 March 2024, 16:00–17:30 CET/);
        for (const element of [time, register]) {
          const box = (await element.boundingBox())!;
          expect(box.y).toBeGreaterThanOrEqual(0);
          expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
        }
        await page.goto(served.s10!.url('/webinar/'));
        const tba = (await page.locator('.next .fact-date').boundingBox())!;
        expect(await page.locator('.next .fact-date').textContent()).toContain('Date to be announced');
        expect(tba.y + tba.height).toBeLessThanOrEqual(PHONE.height);
      });
    });

    it.each([
      ['Asia/Tokyo', 'en-GB', 'Your time: Tuesday 26 March, 00:00–01:30 in Tokyo. In 5 days'],
      ['America/New_York', 'en-US', 'Your time: 11:00 AM – 12:30 PM in New York (EDT). In 5 days'],
      ['Asia/Kathmandu', 'en-GB', 'Your time: 20:45–22:15 in Kathmandu. In 5 days'],
      ['Europe/Copenhagen', 'da-DK', 'In 5 days'],
    ])('tells a visitor in %s (%s) the time of S05 (Monday 25 March 2024, 16:00 CET) in their own conventions', async (timezoneId, locale, expected) => {
      await withPage({ viewport: PHONE, timezoneId, locale }, async (page) => {
        await page.clock.setFixedTime(new Date(NOWS.s05));
        await page.goto(served.s05!.url('/webinar/s05/'));
        const localTime = page.locator('.fact-date .local-time');
        await expect.poll(async () => (await localTime.textContent())?.replace(/\s+/g, ' ')).toBe(expected);
        // Said once per time; no "=", no separator without something on both sides.
        expect(await localTime.count()).toBe(1);
      });
    });

    it('shows the session after the next one as next when the page is read after the next one ended (or several did), and says so once', async () => {
      // A context of its own: the clock it sets would be the other pages' too.
      await withPage({ viewport: PHONE, timezoneId: 'Europe/Copenhagen', locale: 'en-GB' }, async (page) => {
        // Built on 20 March 2024; S05 ends at 17:30 CET on 25 March.
        await page.clock.setFixedTime(new Date('2024-03-25T17:29:00+01:00'));
        await page.goto(served.s05!.url('/webinar/'));
        expect((await page.locator('#next-webinar').textContent())?.replace(/\s+/g, ' ')).toBe('Next webinar: Dataset design and metrics');
        // A minute before its end S05 is live: "Live now" and the way in, in place of the card's buttons.
        const live = page.locator('.next-card .live-now');
        expect(await live.isVisible()).toBe(true);
        expect((await live.textContent())?.replace(/\s+/g, ' ').trim()).toBe('Live now Register on Zoom to join S05 now');
        expect(await page.getByRole('link', { name: 'Register on Zoom to join S05 now' }).getAttribute('href')).toMatch(/^https:\/\/itucph\.zoom\.us\/meeting\/register\//);
        expect(await page.locator('.next-card .actions').isVisible()).toBe(false);
        expect(await page.locator('.next-card .fact-date .local-time').textContent()).toBe('');
        await page.clock.setFixedTime(new Date('2024-03-25T17:31:00+01:00'));
        await page.goto(served.s05!.url('/webinar/'));
        expect((await page.locator('#next-webinar').textContent())?.replace(/\s+/g, ' ')).toBe('Next webinar: Multimodal datasets');
        expect(await page.locator('.next .status-ended').textContent()).toBe('S05: Dataset design and metrics has taken place; its recording will follow.');
        expect(await page.locator('.next .next-announce').textContent()).toBe('The next webinar is now Multimodal datasets');
        expect(await page.locator('#next-webinar').count()).toBe(1);
        expect(await page.locator('.next-card .live-now').isVisible()).toBe(false);
        expect(await page.locator('.next-card .actions').isVisible()).toBe(true);
        const laterCodes = () => page.locator('.later li > a').evaluateAll((links) => links.map((a) => a.textContent!.split(/[:,]/)[0]));
        expect(await laterCodes()).toEqual(['S07', 'S08', 'S09', 'S10']);

        // The new session's time gets the visitor's time and countdown like any other.
        await expect.poll(() => page.locator('.next .fact-date .local-time').first().textContent()).toMatch(/^In 336 days$|^Your time: .*In 336 days$/);
        // Read eleven months later still (the site not rebuilt): two sessions have ended since the build.
        await page.clock.setFixedTime(new Date('2025-02-24T16:31:00+01:00'));
        await page.goto(served.s05!.url('/webinar/'));
        expect((await page.locator('#next-webinar').textContent())?.replace(/\s+/g, ' ')).toBe('Next webinar: Investigating medical datasets');
        expect(await page.locator('.next .status-ended').textContent()).toBe('S06: Multimodal datasets has taken place; its recording will follow.');
        expect(await page.locator('.next .next-announce').textContent()).toBe('The next webinar is now Investigating medical datasets');
        expect(await laterCodes()).toEqual(['S08', 'S09', 'S10']);
        // After the last dated session, the undated one is next, and "Later webinars" is gone.
        await page.clock.setFixedTime(new Date('2026-03-02T16:31:00+01:00'));
        await page.goto(served.s05!.url('/webinar/'));
        expect((await page.locator('#next-webinar').textContent())?.replace(/\s+/g, ' ')).toBe('Next webinar: S10, topic to be announced');
        expect(await page.locator('.later').count()).toBe(0);
        expect(await page.locator('template.next-then').count()).toBe(0);
      });
      await withPage({ viewport: PHONE, javaScriptEnabled: false }, async (page) => {
        await page.goto(served.s05!.url('/webinar/'));
        expect((await page.locator('#next-webinar').textContent())?.replace(/\s+/g, ' ')).toBe('Next webinar: Dataset design and metrics');
        // As built, five days before: not live.
        expect(await page.locator('.next-card .live-now').isVisible()).toBe(false);
      });
    });

    it('shows the "Live now" state with axe finding nothing, light and dark, on the webinar, session and talk pages', async () => {
      const context = await axeContext(browser, { viewport: PHONE, timezoneId: 'Europe/Copenhagen' });
      try {
        await context.clock.setFixedTime(new Date('2024-03-25T16:05:00+01:00'));
        const page = await context.newPage();
        const found: string[] = [];
        for (const url of ['/webinar/', '/webinar/s05/', '/webinar/s05e01/']) {
          await page.goto(served.s05!.url(url));
          expect(await page.locator('.live-now').first().isVisible(), url).toBe(true);
          for (const colorScheme of ['light', 'dark'] as const) {
            await page.emulateMedia({ colorScheme });
            found.push(...(await violationsOn(page, `${url} (${colorScheme})`, colorScheme === 'light' ? 'all' : 'colour')));
          }
        }
        expect(found).toEqual([]);
      } finally {
        await context.close();
      }
    });

    it('does not shift the layout while a page with the next session loads, also for a visitor in another time zone', async () => {
      const shifts: string[] = [];
      await withPage({ viewport: PHONE, timezoneId: 'America/New_York' }, async (page) => {
        // The day the site was built for, so that the countdown shows too.
        await page.clock.setFixedTime(new Date(NOWS.s05));
        await page.addInitScript(() => {
          const w = window as unknown as { __shift: number };
          w.__shift = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
              if (!entry.hadRecentInput) w.__shift += entry.value;
            }
          }).observe({ type: 'layout-shift', buffered: true });
        });
        for (const width of [320, 375, 640, 1280]) {
          await page.setViewportSize({ width, height: 800 });
          for (const url of ['/webinar/', '/webinar/s05/', '/webinar/s05e02/']) {
            await page.goto(served.s05!.url(url), { waitUntil: 'load' });
            const localTime = page.locator('.fact-date .local-time');
            // Chromium's own locale here is en-US: its hour cycle and zone abbreviation.
            await expect.poll(async () => (await localTime.textContent())?.replace(/\s+/g, ' ')).toBe('Your time: 11:00 AM – 12:30 PM in New York (EDT). In 5 days');
            // Two frames after the text appeared: any shift it caused has been observed by then.
            const shift = await page.evaluate(
              () => new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve((window as unknown as { __shift: number }).__shift)))),
            );
            // Cumulative Layout Shift: 0.1 is "good"; this asks for next to nothing.
            if (shift >= 0.005) shifts.push(`${url} at ${width} px: ${shift.toFixed(4)}`);
          }
        }
      });
      expect(shifts).toEqual([]);
    });

    it('keeps no empty room under a date where nothing is added: the page\'s own zone, a past session, no JavaScript', async () => {
      // How much taller the date's block is than the date itself.
      const room = (page: Page) =>
        page.locator('.fact-date').first().evaluate((block) => block.getBoundingClientRect().height - block.querySelector('time')!.getBoundingClientRect().height);
      for (const javaScriptEnabled of [true, false]) {
        await withPage({ viewport: PHONE, timezoneId: 'Europe/Copenhagen', javaScriptEnabled }, async (page) => {
          await page.goto(served.s05!.url('/webinar/s04e02/'), { waitUntil: 'load' });
          expect(await room(page)).toBeLessThan(1);
        });
      }
      await withPage({ viewport: PHONE, timezoneId: 'America/New_York', javaScriptEnabled: false }, async (page) => {
        await page.goto(served.s05!.url('/webinar/'), { waitUntil: 'load' });
        expect(await room(page)).toBeLessThan(1);
      });
    });
  });

  describe('design review', () => {
    it.each([true, false])('shows a past talk\'s recording in the first screen of a phone, before its date (JavaScript: %s)', async (javaScriptEnabled) => {
      await withPage({ viewport: PHONE, javaScriptEnabled }, async (page) => {
        // S04E02 has the longest title of S04 (eight lines on a phone), S03E01 no embeddable video.
        for (const url of ['/webinar/s04e02/', '/webinar/s03e01/']) {
          await page.goto(served.s05!.url(url));
          const first = page.locator('.talk-recording :is(button.play, a.watch):visible').first();
          const box = (await first.boundingBox())!;
          expect(box.y + box.height, url).toBeLessThanOrEqual(PHONE.height);
          const card = (await page.locator('.event-card').boundingBox())!;
          expect(card.y, url).toBeGreaterThan(box.y);
        }
      });
    });

    it('keeps "L👀king-Glass" on one line at 320 and 375 px, drawn without any emoji font', async () => {
      for (const width of [320, 375]) {
        await withPage({ viewport: { width, height: 700 } }, async (page) => {
          for (const url of ['/webinar/', '/webinar_talks/']) {
            await page.goto(served.s05!.url(url));
            const lines = await page.locator('.eyes-word > [aria-hidden]').evaluateAll((words) => words.map((w) => w.getClientRects().length));
            expect(lines.length, url).toBeGreaterThanOrEqual(2);
            expect(lines.every((n) => n === 1), `${url} at ${width} px`).toBe(true);
            const eyes = (await page.locator('header svg.eyes').boundingBox())!;
            expect(eyes.width).toBeGreaterThan(10);
          }
        });
      }
    });

    it('has one row of navigation (Newsletter and Subscribe included) under the series name on a phone, and nothing sideways at 320 px', async () => {
      for (const width of [320, 375]) {
        await withPage({ viewport: { width, height: 700 } }, async (page) => {
          await page.goto(served.s05!.url('/webinar/s05e02/'));
          const nav = page.getByRole('navigation', { name: 'Site' });
          for (const name of ['Newsletter', 'Subscribe to the series calendar']) expect(await nav.getByRole('link', { name }).isVisible()).toBe(true);
          const tops = await nav.locator('a:visible').evaluateAll((links) => links.map((a) => Math.round(a.getBoundingClientRect().top)));
          expect(new Set(tops).size, `${width} px`).toBe(1);
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        });
      }
    });

    it('copies the page\'s address with "Copy link" and announces "Link copied"', async () => {
      await withPage({ viewport: DESKTOP }, async (page) => {
        await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.s05!.url('/').replace(/\/$/, '') });
        await page.goto(served.s05!.url('/webinar/s05e02/'));
        const button = page.getByRole('button', { name: 'Copy link' });
        await button.click();
        await expect.poll(() => page.locator('.copy-link-status').textContent()).toBe('Link copied');
        expect(await page.locator('.copy-link-status').getAttribute('aria-live')).toBe('polite');
        const expected = await page.locator('link[rel="canonical"]').getAttribute('href');
        expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
      });
      await withPage({ viewport: DESKTOP, javaScriptEnabled: false }, async (page) => {
        await page.goto(served.s05!.url('/webinar/s05e02/'));
        expect(await page.getByRole('button', { name: 'Copy link' }).count()).toBe(0);
      });
    });
  });

  describe('privacy', () => {
    it('loads the youtube-nocookie.com player only when “Play recording” is pressed, titled, in place of the button', async () => {
      await withPage({ viewport: DESKTOP }, async (page) => {
        const thirdParty: string[] = [];
        await page.route(THIRD_PARTY, (route) => {
          thirdParty.push(route.request().url());
          return route.abort();
        });
        await page.goto(served.s05!.url('/webinar/s04e02/'), { waitUntil: 'load' });
        expect(await page.locator('iframe').count()).toBe(0);
        expect(thirdParty).toEqual([]);
        await page.getByRole('button', { name: 'Play recording of S04E02' }).click();
        const iframe = page.locator('.recording iframe');
        await expect.poll(() => iframe.count()).toBe(1);
        expect(await iframe.getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/aWhryWZc3Jo?autoplay=1');
        expect(await iframe.getAttribute('title')).toMatch(/^Recording of S04E02: When more is less/);
        expect(await page.getByRole('button', { name: /Play recording/ }).count()).toBe(0);
        expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('IFRAME');
        await expect.poll(() => thirdParty.length).toBeGreaterThan(0);
        expect(thirdParty.every((url) => url.startsWith('https://www.youtube-nocookie.com/embed/aWhryWZc3Jo'))).toBe(true);
        expect(await page.getByRole('link', { name: 'Watch the recording of S04E02 on YouTube' }).count()).toBe(1);
      });
    });

    it('loads the newsletter form only when “Show the sign-up form” is pressed, with the privacy notice beside the button', async () => {
      await withPage({ viewport: DESKTOP }, async (page) => {
        const thirdParty: string[] = [];
        await page.route(THIRD_PARTY, (route) => {
          thirdParty.push(route.request().url());
          return route.abort();
        });
        await page.goto(served.s10!.url('/webinar/'), { waitUntil: 'load' });
        const actions = page.locator('.newsletter-actions');
        expect(await actions.getByRole('link', { name: 'Privacy notice' }).count()).toBe(1);
        expect(thirdParty).toEqual([]);
        await actions.getByRole('button', { name: 'Show the sign-up form' }).click();
        const iframe = page.locator('.newsletter iframe');
        await expect.poll(() => iframe.count()).toBe(1);
        expect(await iframe.getAttribute('title')).toBe('Newsletter sign-up form (Brevo)');
        expect(new URL((await iframe.getAttribute('src'))!).host).toBe('d38ce30a.sibforms.com');
        await expect.poll(() => thirdParty.length).toBeGreaterThan(0);
      });
    });

    it('shows links, not dead buttons, without JavaScript', async () => {
      await withPage({ viewport: DESKTOP, javaScriptEnabled: false }, async (page) => {
        await page.goto(served.s05!.url('/webinar/s04e02/'));
        expect(await page.getByRole('button', { name: /Play recording/ }).count()).toBe(0);
        expect(await page.getByRole('link', { name: 'Watch the recording of S04E02 on YouTube' }).isVisible()).toBe(true);
        await page.goto(served.s05!.url('/webinar/'));
        expect(await page.getByRole('button', { name: 'Show the sign-up form' }).count()).toBe(0);
        expect(await page.getByRole('link', { name: 'Sign up on Brevo’s site' }).isVisible()).toBe(true);
      });
    });
  });

  describe('keyboard', () => {
    /** The focusable elements a visitor can reach, in document order, as short descriptions. */
    const focusables = (page: Page) =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('a[href], button, summary, iframe, input, select, textarea, [tabindex]')]
          .filter((el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && el.checkVisibility())
          .map((el) => `${el.tagName.toLowerCase()} ${(el.textContent ?? '').replace(/\s+/g, ' ').trim()} ${el.getAttribute('href') ?? ''}`.trim()),
      );

    /** Press Tab `count` times and describe the focused element after each. */
    async function tabThrough(page: Page, count: number): Promise<string[]> {
      const reached: string[] = [];
      for (let i = 0; i < count; i++) {
        await page.keyboard.press('Tab');
        reached.push(
          await page.evaluate(() => {
            const el = document.activeElement as HTMLElement;
            return `${el.tagName.toLowerCase()} ${(el.textContent ?? '').replace(/\s+/g, ' ').trim()} ${el.getAttribute('href') ?? ''}`.trim();
          }),
        );
      }
      return reached;
    }

    it('reaches every link and button of the webinar page with Tab, in document order, each with a visible focus indicator', async () => {
      await withPage({ viewport: DESKTOP }, async (page) => {
        await page.goto(served.s05!.url('/webinar/'));
        const expected = await focusables(page);
        expect(expected[0]).toBe('a Skip to content #main');
        expect(expected.length).toBeGreaterThan(60);
        expect(await tabThrough(page, expected.length)).toEqual(expected);
        // The last one keeps the outline of :focus-visible.
        expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
      });
    });

    it('opens “Add to calendar” with Enter or Space and then reaches its five choices in order', async () => {
      for (const key of ['Enter', 'Space']) {
        await withPage({ viewport: PHONE }, async (page) => {
          await page.goto(served.s05!.url('/webinar/'));
          const summary = page.locator('.next summary', { hasText: 'Add to calendar' });
          await summary.focus();
          expect(await page.locator('.next details.add-to-calendar').getAttribute('open')).toBeNull();
          await page.keyboard.press(key);
          expect(await page.locator('.next details.add-to-calendar').getAttribute('open')).toBe('');
          const choices = await tabThrough(page, 5);
          expect(choices.map((c) => c.replace(/ http\S*| \/\S*$/, ''))).toEqual([
            'a Google Calendar',
            'a Outlook.com',
            'a Microsoft 365 (work or school Outlook)',
            'a Yahoo Calendar',
            'a Calendar file for S05 (.ics: Apple Calendar, Outlook, Thunderbird)',
          ]);
          const target = (await page.evaluate(() => (document.activeElement as HTMLElement).getBoundingClientRect().height));
          expect(target).toBeGreaterThanOrEqual(24);
        });
      }
    });

    it('moves focus to the main content with the skip link', async () => {
      await withPage({ viewport: PHONE }, async (page) => {
        await page.goto(served.s05!.url('/webinar_talks/'));
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
        expect(await page.locator('.skip-link').isVisible()).toBe(true);
        await page.keyboard.press('Enter');
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      });
    });
  });

  describe('archive search', () => {
    /** What the archive shows: the codes of the visible talks, and the status line. */
    const shown = (page: Page) => page.locator('.season .entry').evaluateAll((entries) => entries.filter((e) => e.checkVisibility()).map((e) => e.querySelector('.code')!.textContent));

    it('finds talks by words typed with the keyboard, accents and case aside, and says how many, once the typing pauses', async () => {
      await withPage({ viewport: PHONE }, async (page) => {
        const outside: string[] = [];
        page.on('request', (request) => {
          if (!request.url().startsWith(served.s10!.url('/'))) outside.push(request.url());
        });
        await page.goto(served.s10!.url('/webinar_talks/'));
        expect(await shown(page)).toHaveLength(27);
        await page.getByRole('searchbox', { name: 'Search the talks' }).focus();
        await page.keyboard.type('zajac DATASETS');
        await expect.poll(() => shown(page)).toEqual(['S05E01']);
        await expect.poll(() => page.getByRole('status').textContent()).toBe('1 of 27 talks');
        // The other sessions' headings go with their talks.
        expect(await page.locator('.season').evaluateAll((s) => s.filter((x) => x.checkVisibility()).length)).toBe(1);
        // An affiliation on the page, and a word of an abstract only (from the search index).
        await page.keyboard.press('Control+A');
        await page.keyboard.type('Espírito');
        await expect.poll(() => shown(page)).toEqual(['S03E02']);
        await page.keyboard.press('Control+A');
        await page.keyboard.type('stringent');
        await expect.poll(() => shown(page)).toEqual(['S09E01']);
        await page.keyboard.press('Control+A');
        await page.keyboard.type('no talk has this word');
        await expect.poll(() => page.getByRole('status').textContent()).toBe('No talk matches.');
        expect(await page.locator('.no-match').isVisible()).toBe(true);
        // The state is in the address, for a link to this search.
        expect(new URL(page.url()).searchParams.get('q')).toBe('no talk has this word');
        expect(outside).toEqual([]);
      });
    });

    it('filters by season, year, topic and recording, alone and together, from the keyboard', async () => {
      await withPage({ viewport: DESKTOP }, async (page) => {
        await page.goto(served.s10!.url('/webinar_talks/'));
        // What each talk is, as the page says it without JavaScript.
        const all = await page.locator('.season .entry').evaluateAll((entries) => entries.map((e) => ({
          code: e.querySelector('.code')!.textContent, season: e.getAttribute('data-season'), year: e.getAttribute('data-year'),
          topics: e.getAttribute('data-topics')!.split(' '), recording: e.hasAttribute('data-recording'),
        })));
        const topic = page.getByRole('combobox', { name: 'Topic' });
        await topic.focus();
        await page.keyboard.type('Fairness');
        await topic.dispatchEvent('change');
        const fair = all.filter((t) => t.topics.includes('fairness')).map((t) => t.code);
        expect(fair.length).toBeGreaterThan(3);
        await expect.poll(() => shown(page)).toEqual(fair);
        await page.getByRole('checkbox', { name: 'With a recording' }).focus();
        await page.keyboard.press('Space');
        await expect.poll(() => shown(page)).toEqual(all.filter((t) => t.topics.includes('fairness') && t.recording).map((t) => t.code));
        await page.getByRole('combobox', { name: 'Year' }).selectOption('2025');
        await expect.poll(() => shown(page)).toEqual(all.filter((t) => t.topics.includes('fairness') && t.recording && t.year === '2025').map((t) => t.code));
        await topic.selectOption('');
        await page.getByRole('combobox', { name: 'Season' }).selectOption('2');
        await expect.poll(() => shown(page)).toEqual([]);
        await page.getByRole('combobox', { name: 'Year' }).selectOption('');
        await expect.poll(() => shown(page)).toEqual(all.filter((t) => t.season === '2' && t.recording).map((t) => t.code));
      });
    });

    it('opens a linked search (a topic page\'s link) filtered, without moving anything after the first paint; without JavaScript it lists everything', async () => {
      await withPage({ viewport: PHONE }, async (page) => {
        await page.addInitScript(() => {
          const w = window as unknown as { __shift: number };
          w.__shift = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[]) w.__shift += entry.value;
          }).observe({ type: 'layout-shift', buffered: true });
        });
        await page.goto(served.s10!.url('/topics/fairness/'));
        await page.getByRole('link', { name: 'Search the archive in this topic' }).click();
        await page.waitForLoadState('load');
        expect(await page.getByRole('combobox', { name: 'Topic' }).inputValue()).toBe('fairness');
        const fair = await page.locator('.season .entry[data-topics~="fairness"] .code').allTextContents();
        expect(await shown(page)).toEqual(fair);
        const shift = await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve((window as unknown as { __shift: number }).__shift)))));
        expect(shift).toBeLessThan(0.005);
      });
      await withPage({ viewport: PHONE, javaScriptEnabled: false }, async (page) => {
        await page.goto(served.s10!.url('/webinar_talks/?topic=fairness'));
        expect(await page.locator('form.archive-search').isVisible()).toBe(false);
        expect(await shown(page)).toHaveLength(27);
        expect(await page.locator('.season-index a').count()).toBe(9);
      });
    });
  });

  describe('screen readers', () => {
    it('reads the series title as “Looking-Glass”, with the 👀 hidden from the accessibility tree', async () => {
      await withPage({ viewport: DESKTOP }, async (page) => {
        await page.goto(served.s05!.url('/webinar/'));
        const snapshot = await page.locator('h1').ariaSnapshot();
        expect(snapshot).toContain('Datasets through the Looking-Glass');
        expect(snapshot).not.toContain('👀');
        expect(await page.getByRole('heading', { level: 1, name: 'Datasets through the Looking-Glass' }).count()).toBe(1);
        // Everywhere else too: the header, the series description, the newsletter text, the footer, the privacy notice.
        for (const url of ['/webinar/', '/privacy-notice/']) {
          await page.goto(served.s05!.url(url));
          const tree = await page.locator('body').ariaSnapshot();
          expect(tree, url).not.toContain('👀');
          expect(tree, url).toContain('Looking-Glass');
        }
      });
    });

    it('has one h1, an h2 per session and an h3 per talk on the archive, and titles every iframe', async () => {
      await withPage({ viewport: DESKTOP }, async (page) => {
        await page.goto(served.s10!.url('/webinar_talks/'));
        expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
        expect(await page.locator('section.season > .season-head > h2').count()).toBe(9);
        expect(await page.locator('article.entry > h3').count()).toBe(27);
        // A session's page plays its recordings in place; each press replaces its button, so the first one left is the next talk's.
        await page.goto(served.s10!.url('/webinar/s09/'));
        for (let i = 0; i < 3; i++) await page.getByRole('button', { name: /Play recording/ }).first().click();
        const titles = await page.locator('iframe').evaluateAll((frames) => frames.map((f) => f.getAttribute('title') ?? ''));
        expect(titles).toHaveLength(3);
        for (const title of titles) expect(title).toMatch(/^Recording of S09E0\d: .+ \(YouTube video player\)$/);
      });
    });
  });
});
