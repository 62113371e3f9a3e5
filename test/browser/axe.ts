import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation { id: string; impact: string | null; nodes: { target: unknown[] }[] }

/**
 * Every rule axe-core runs by default (WCAG 2.0–2.2 A and AA, best practices), plus 2.5.8 Target Size
 * (Minimum), which is off by default. Frames are not entered: the only ones are the click-loaded player
 * and form of other sites, which the tests block.
 */
const ALL_RULES = { resultTypes: ['violations', 'incomplete'], iframes: false, rules: { 'target-size': { enabled: true } } };

/**
 * The rules whose findings depend on colours alone: all that can change between the light and the dark
 * scheme while the dark scheme changes nothing but colours (test/browser/every-page.test.ts checks that
 * it does not).
 */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
const COLOUR_ONLY = { resultTypes: ['violations', 'incomplete'], iframes: false, runOnly: { type: 'rule', values: COLOUR_RULES } };

/**
 * axe-core's violations on the page, one line each: "color-contrast (serious) on /webinar/: .code, …".
 * A contrast axe could not measure (text over an image or a gradient) counts too: every text's contrast is measured.
 */
export async function violationsOn(page: Page, label: string, rules: 'all' | 'colour' = 'all'): Promise<string[]> {
  const run = async (selectors: boolean) =>
    (await page.evaluate(async (options) => {
      type Result = { id: string };
      const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Result[]; incomplete: Result[] }> } }).axe;
      const results = await axe.run(document, options);
      return [...results.violations, ...results.incomplete.filter((result) => result.id === 'color-contrast')];
    }, { ...(rules === 'all' ? ALL_RULES : COLOUR_ONLY), selectors })) as AxeViolation[];
  // Without selectors first: finding a unique CSS selector for every node checked is a sixth of a run.
  // Only a page with findings is run again, to say where they are.
  let violations = await run(false);
  if (violations.length > 0) violations = await run(true);
  return violations.map(
    (v) => `${v.id} (${v.impact}) on ${label}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}${v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : ''}`,
  );
}

/** A context whose pages have axe-core (an init script: the pages' CSP, script-src 'self', refuses injected script tags). */
export async function axeContext(browser: Browser, options: Parameters<Browser['newContext']>[0]): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await context.addInitScript({ content: AXE_SOURCE });
  return context;
}

