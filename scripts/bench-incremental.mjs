// Child process of `npm run bench`: measures one-talk incremental rebuilds with the dev server's
// incremental builder (dist/dev/incremental.js, `createIncrementalBuilder`), in a process of its own so
// that each content size starts from a fresh module state. Usage (the bench script calls it):
//   node scripts/bench-incremental.mjs < options.json
//   options: { distDir, contentDir, templatesDir, outDir, now, displayRoot, talkPaths }
// One initial build(), then for each of `talkPaths` in turn (the bench picks them spread over the site):
// append a sentence to its abstract, time rebuild([path]), then time settle() (the site-wide pages a big
// site defers: rendered on request or in the background), check that the talk's page shows it. The
// talk files are restored afterwards. Prints one JSON line: { available, initialMs, edits: [...] }.

import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The builder module inside dist/, or undefined while it does not exist yet. */
async function loadBuilder(distDir) {
  const file = path.join(distDir, 'dev', 'incremental.js');
  if (!existsSync(file)) return undefined;
  const module = await import(pathToFileURL(file).href);
  if (typeof module.createIncrementalBuilder !== 'function') return undefined;
  const { parseNow } = await import(pathToFileURL(path.join(distDir, 'time.js')).href);
  return { createIncrementalBuilder: module.createIncrementalBuilder, parseNow };
}

/**
 * Pages that show a talk's abstract: its own page (seasons/s05/s05e02-reinke.md → webinar/s05e02/,
 * a talk without a number → webinar/s10-quinn/ when its file is named after its slug) and, for an
 * upcoming talk, the webinar page.
 */
function talkPages(outDir, talkPath) {
  const base = path.basename(talkPath, '.md');
  const code = base.match(/^(s\d+e\d+)-/)?.[1] ?? base;
  return [path.join(outDir, 'webinar', code, 'index.html'), path.join(outDir, 'webinar', 'index.html')];
}

/** Whether any of the talk's pages contains the marker. */
async function shows(pages, marker) {
  for (const page of pages) if (existsSync(page) && (await readFile(page, 'utf8')).includes(marker)) return true;
  return false;
}

/** Pages written, whether the builder reports a count or the list of paths; fails on a failed build. */
function writtenCount(result, what) {
  if (result?.ok === false) throw new Error(`${what} failed: ${JSON.stringify(result.problems?.slice(0, 3))}`);
  return Array.isArray(result?.written) ? result.written.length : result?.written;
}

/** Append one sentence to the abstract (the end of the file is the end of the Markdown body). */
function withSentence(text, marker) {
  return `${text.replace(/\s*$/, '')} ${marker}\n`;
}

async function measure(options) {
  const api = await loadBuilder(options.distDir);
  if (!api) return { available: false };
  const now = api.parseNow(options.now);
  if (!now) throw new Error(`bad --now ${options.now}`);
  const builder = api.createIncrementalBuilder({
    contentDir: options.contentDir,
    templatesDir: options.templatesDir,
    outDir: options.outDir,
    now,
    displayRoot: options.displayRoot,
  });
  let started = performance.now();
  const initialWritten = writtenCount(await builder.build(), 'the initial build');
  const initialMs = performance.now() - started;

  const originals = new Map();
  const edits = [];
  try {
    for (const [i, talk] of options.talkPaths.entries()) {
      const original = await readFile(talk, 'utf8');
      originals.set(talk, original);
      const marker = `Benchmark edit ${i + 1} appended this sentence.`;
      await writeFile(talk, withSentence(original, marker));
      started = performance.now();
      const result = await builder.rebuild([talk]);
      const ms = performance.now() - started;
      const written = writtenCount(result, `the rebuild after editing ${talk}`);
      // Big sites defer the site-wide pages (rendered on request or in the background): render them
      // now, as the pause before the next save would, and time that apart.
      started = performance.now();
      builder.settle?.();
      const settleMs = performance.now() - started;
      const shown = await shows(talkPages(options.outDir, talk), marker);
      edits.push({ file: path.relative(options.contentDir, talk), ms, settleMs, deferred: result?.deferred ?? 0, reportedMs: result?.ms, written, shown });
    }
  } finally {
    for (const [talk, original] of originals) await writeFile(talk, original);
  }
  return { available: true, initialMs, initialWritten, edits };
}

/** The options arrive on stdin: a command line could not hold long lists of paths. */
async function readStdin() {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return JSON.parse(text);
}

readStdin().then(measure).then(
  (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
  (error) => {
    process.stderr.write(`bench-incremental: ${error?.stack ?? error}\n`);
    process.exitCode = 1;
  },
);
