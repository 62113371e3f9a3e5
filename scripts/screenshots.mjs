// Screenshots of the built site for people to look at: every kind of page, on a phone (375×800) and a
// desktop (1280×900), light and dark, with and without JavaScript, in Debian's chromium.
//
//   npm run screenshots                                   the real content as of now
//   npm run screenshots -- --content test/fixtures/real-2026-11 --now 2024-03-20T12:00:00+01:00
//   npm run screenshots -- --pages /webinar/,/webinar/s05/ --full    only these pages, the whole page
//
// Writes test-artifacts/screenshots/<name>-<width>x<height>-<scheme>[-nojs].png (gitignored).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { serveFolder } from './serve-folder.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    content: { type: 'string', default: 'content' },
    now: { type: 'string' },
    out: { type: 'string', default: path.join(root, 'test-artifacts/screenshots') },
    pages: { type: 'string' },
    full: { type: 'boolean', default: false },
    'time-zone': { type: 'string', default: 'Europe/Copenhagen' },
  },
});
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromiumPath)) {
  console.error(`${chromiumPath} not found; install it with apt-get install -y chromium`);
  process.exit(1);
}

const site = await mkdtemp(path.join(os.tmpdir(), 'lg-screenshots-'));
const now = values.now ? ['--now', values.now] : [];
execFileSync(process.execPath, [path.join(root, 'dist/bundle/cli.js'), 'build', '--content', values.content, '--out', site, ...now], { stdio: 'inherit' });

const server = await serveFolder(site);
const { origin } = server;

/** One page of each kind: the webinar page, the archive, the next (or newest) session and its first talk, a content page, 404. */
async function pageKinds() {
  if (values.pages) return values.pages.split(',').map((url) => [url.replace(/^\/|\/$/g, '').replace(/\//g, '-') || 'home', url]);
  const schedule = JSON.parse(await readFile(path.join(site, 'webinar/talks.json'), 'utf8'));
  const session = schedule.sessions.find((s) => s.upcoming) ?? schedule.sessions.at(-1);
  const past = [...schedule.sessions].reverse().find((s) => !s.upcoming && s.talks.length > 0);
  const pathOf = (url) => new URL(url).pathname;
  return [
    ['webinar', '/webinar/'],
    ['archive', '/webinar_talks/'],
    [`session-${session.code.toLowerCase()}`, pathOf(session.url)],
    [`talk-${session.talks[0].slug}`, pathOf(session.talks[0].url)],
    ...(past ? [[`past-talk-${past.talks[0].slug}`, pathOf(past.talks[0].url)]] : []),
    ['privacy-notice', '/privacy-notice/'],
    ['404', '/404.html'],
  ];
}

await mkdir(values.out, { recursive: true });
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const written = [];
try {
  for (const javaScriptEnabled of [true, false]) {
    const context = await browser.newContext({ javaScriptEnabled, timezoneId: values['time-zone'] });
    const page = await context.newPage();
    for (const [name, url] of await pageKinds()) {
      await page.goto(origin + url, { waitUntil: 'load' });
      for (const colorScheme of ['light', 'dark']) {
        for (const viewport of [{ width: 375, height: 800 }, { width: 1280, height: 900 }]) {
          await page.emulateMedia({ colorScheme });
          await page.setViewportSize(viewport);
          const file = path.join(values.out, `${name}-${viewport.width}x${viewport.height}-${colorScheme}${javaScriptEnabled ? '' : '-nojs'}.png`);
          await page.screenshot({ path: file, fullPage: values.full });
          written.push(file);
        }
      }
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
  await rm(site, { recursive: true, force: true });
}
console.log(`Wrote ${written.length} screenshots to ${path.relative(process.cwd(), values.out) || '.'}/`);
