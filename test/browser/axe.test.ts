import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, SKIP_REASON } from './chromium.js';
import { NOWS, serveSiteAt, type ServedSite } from './served-site.js';

if (!hasChromium) console.log(SKIP_REASON);

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation { id: string; impact: string | null; nodes: { target: unknown[] }[] }

/** Every rule axe-core runs by default (WCAG 2.0–2.2 A and AA, best practices), plus 2.5.8 Target Size (Minimum), which is off by default. */
const AXE_OPTIONS = { resultTypes: ['violations', 'incomplete'], rules: { 'target-size': { enabled: true } } };

/**
 * axe-core's violations on the page, one line each: "color-contrast (serious) on /webinar/: .code, …".
 * A contrast axe could not measure (text over an image or a gradient) counts too: every text's contrast is measured.
 */
async function violationsOn(page: Page, label: string): Promise<string[]> {
  const violations = (await page.evaluate(async (options) => {
    type Result = { id: string };
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Result[]; incomplete: Result[] }> } }).axe;
    const results = await axe.run(document, options);
    return [...results.violations, ...results.incomplete.filter((result) => result.id === 'color-contrast')];
  }, AXE_OPTIONS)) as AxeViolation[];
  return violations.map(
    (v) => `${v.id} (${v.impact}) on ${label}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}${v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : ''}`,
  );
}

describe.skipIf(!hasChromium).each(Object.entries(NOWS))('axe-core on every page of the site built for %s', (_name, now) => {
  let served: ServedSite;
  let browser: Browser;
  beforeAll(async () => {
    [served, browser] = await Promise.all([serveSiteAt(now), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it.each(['light', 'dark'] as const)('finds no violation in the %s colour scheme', async (colorScheme) => {
    // The pages' CSP (script-src 'self') refuses injected script tags; an init script is the browser's own and runs anyway.
    const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
    await context.addInitScript({ content: AXE_SOURCE });
    const page = await context.newPage();
    const found: string[] = [];
    for (const path of served.pages) {
      await page.goto(served.url(path));
      found.push(...(await violationsOn(page, path)));
    }
    // Opened: every disclosure (add to calendar, bios), a recording's player and the newsletter form.
    await context.route(/youtube|sibforms/, (route) => route.abort());
    const opened = served.pages.includes('/webinar/s04e02/') ? '/webinar/s04e02/' : '/webinar/s09e02/';
    for (const path of ['/webinar/', opened]) {
      await page.goto(served.url(path));
      await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
      for (const button of await page.locator('button.play, button.show-form').all()) await button.click();
      expect(await page.locator('iframe').count()).toBeGreaterThan(0);
      found.push(...(await violationsOn(page, `${path} with everything opened`)));
    }
    // The check is live: a page made to fail, in the same context, fails.
    await page.goto(served.url('/webinar/'));
    await page.evaluate(() => {
      document.querySelector('h1')!.style.color = getComputedStyle(document.body).backgroundColor;
      document.querySelector('.skip-link')!.textContent = '';
    });
    const planted = await violationsOn(page, 'a page made to fail');
    await context.close();
    expect(served.pages.length).toBeGreaterThan(40);
    expect(found).toEqual([]);
    expect(planted.map((line) => line.split(' ')[0])).toEqual(expect.arrayContaining(['color-contrast', 'link-name']));
  }, 300_000);
});
