// The archive's search at benchmark sizes, in Debian's Chromium: how large the archive page and the
// search index are, how long the archive takes to load, and how long from a keystroke to the filtered
// list (the first search fetches the index; later ones do not). Used by scripts/bench.mjs.
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { serveFolder } from './serve-folder.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Words typed one after the other, each replacing the last: in many talks, in a few, in none. */
const QUERIES = ['data', 'segmentation', 'zajac', 'calibration hospital', 'no such word at all'];

/** { available: false } without Chromium or playwright-core. */
export async function measureArchiveSearch(siteDir) {
  if (!existsSync(CHROMIUM)) return { available: false };
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    return { available: false };
  }
  const server = await serveFolder(siteDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  try {
    const page = await browser.newPage();
    const url = `${server.origin}/webinar_talks/`;
    const started = performance.now();
    await page.goto(url, { waitUntil: 'load' });
    const loadMs = performance.now() - started;
    const box = page.locator('#archive-words');
    const keystrokeMs = [];
    for (const query of QUERIES) {
      await box.fill('');
      // From the last key to the status line saying the new count (the script's own timing, in the page).
      const ms = await page.evaluate(async ([q, first]) => {
        const input = document.querySelector('#archive-words');
        const form = input.form;
        const status = document.querySelector('.search-status');
        const before = performance.now();
        input.value = q;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        // The filter runs at once; the count is written for screen readers after a pause: wait for the list.
        // The first search fetches the index and filters again once it is there.
        if (first) await new Promise((resolve) => { const check = () => (form.hasAttribute('data-index-loaded') ? resolve() : setTimeout(check, 5)); check(); });
        await new Promise((resolve) => requestAnimationFrame(() => resolve()));
        const filtered = performance.now() - before;
        await new Promise((resolve) => { const check = () => (status.textContent ? resolve() : setTimeout(check, 20)); check(); });
        return filtered;
      }, [query, query === QUERIES[0]]);
      keystrokeMs.push(ms);
    }
    // The first query's time includes fetching the index; the median of the others is the cost of a keystroke.
    const later = keystrokeMs.slice(1).sort((a, b) => a - b);
    const [archive, index] = await Promise.all([stat(path.join(siteDir, 'webinar_talks/index.html')), stat(path.join(siteDir, 'webinar_talks/search-index.json'))]);
    return {
      available: true,
      archiveKiB: Math.round(archive.size / 1024),
      indexKiB: Math.round(index.size / 1024),
      loadMs: Math.round(loadMs),
      firstSearchMs: Math.round(keystrokeMs[0]),
      keystrokeMs: Math.round(later[Math.floor(later.length / 2)]),
    };
  } finally {
    await browser.close();
    server.close();
  }
}
