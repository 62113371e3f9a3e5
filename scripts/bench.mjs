// `npm run bench`: how fast the site generator is, on this machine, against the targets of issue 16.
//
// What it measures, for each size (250, 1,000, 4,000, 10,000 talks; `--sizes`):
//   - cold full builds of the compiled CLI as a child process, as `npm run build` runs it
//     (`node --snapshot-blob dist/bundle/cli.blob dist/bundle/cli.js build … --now …`): output folder
//     and the build cache (node_modules/.cache/looking-glass) deleted and, when running as root, the
//     page cache dropped before every run; median wall time (spawn to exit) of `--runs` runs (default
//     5), pages written, ms per talk, and the peak RSS (the largest over the runs; GNU
//     `/usr/bin/time -f %M`, else VmHWM polled from /proc);
//   - repeat builds: the same command again after one talk was edited, output folder and cache kept,
//     median of `--runs` (each run edits another talk);
//   - one-talk incremental rebuilds through dist/dev/incremental.js (when it exists): one initial
//     build, then five talks edited one after the other (a sentence appended to the abstract),
//     median time of `rebuild([file])`, also as a share of the cold full build;
//   - with `--vs-eleventy` / `--vs-hugo` / `--vs-jekyll`: the same talk files built cold by Eleventy
//     3.1.8 / Hugo / Jekyll with an equivalent minimal site (one talk layout and one index page), median
//     and peak RSS, and the ratio ours/theirs.
// Plus, on the real content (content/): the same cold builds (and the peers'), the CLI's start-to-exit
// time (warm, median of 10) with and without its start-up snapshot, and incremental rebuilds. At each size the archive's search in Chromium (scripts/bench-search.mjs): the
// archive's and the index's size, the page's load, and a keystroke to the filtered list. The synthetic content comes from scripts/bench-content.mjs (seeded, so the
// same size always gives the same files) and lives in a temp folder removed at the end (`--keep`).
// Everything runs one after the other (the machines have two cores). Progress goes to stderr; the
// table (or `--json`) to stdout.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateContent, REAL_CONTENT_DIR } from './bench-content.mjs';
import { ELEVENTY_VERSION, ensureEleventy, findHugo, findJekyll, prepareEleventySite, prepareHugoSite, prepareJekyllSite } from './bench-others.mjs';
import { measureArchiveSearch } from './bench-search.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = path.join(ROOT, 'dist');
const CLI = path.join(DIST, 'bundle', 'cli.js');
const SNAPSHOT = path.join(DIST, 'bundle', 'cli.blob');
/** The build cache, deleted before every cold build (as Hugo's and Jekyll's are). */
const BUILD_CACHE = path.join(ROOT, 'node_modules', '.cache', 'looking-glass');
const TEMPLATES = path.join(ROOT, 'templates');
const INCREMENTAL_MODULE = path.join(DIST, 'dev', 'incremental.js');
const INCREMENTAL_CHILD = path.join(ROOT, 'scripts', 'bench-incremental.mjs');
const NOW = '2026-11-27T12:00:00+01:00';
const DEFAULT_SIZES = [250, 1000, 4000, 10000];
const REAL_CLI_RUNS = 10;
const INCREMENTAL_EDITS = 5;
/** Where GNU time writes its report (removed at the end). */
const rssFile = path.join(os.tmpdir(), `lg-bench-rss-${process.pid}`);

const USAGE = `Usage: npm run bench -- [options]

  --sizes 250,1000     talk counts to generate and build (default ${DEFAULT_SIZES.join(',')})
  --runs N             cold builds per measurement, median reported (default 5)
  --vs-eleventy        also build the same talks with Eleventy ${ELEVENTY_VERSION} (installed into the OS temp dir)
  --vs-hugo            also build the same talks with hugo from PATH (apt-get install hugo)
  --vs-jekyll          also build the same talks with jekyll from PATH (apt-get install jekyll)
  --json               print the results as JSON instead of a table
  --keep               keep the generated content and outputs (the folder is printed)
`;

// ---------------------------------------------------------------------------------------------------
// Options, logging, small helpers

function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string' },
      runs: { type: 'string', default: '5' },
      'vs-eleventy': { type: 'boolean', default: false },
      'vs-hugo': { type: 'boolean', default: false },
      'vs-jekyll': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const sizes = values.sizes ? values.sizes.split(',').map((s) => Number(s.trim().replace(/_/g, ''))) : DEFAULT_SIZES;
  const runs = Number(values.runs);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new UsageError(`--sizes "${values.sizes}" must be positive whole numbers, e.g. 250,1000`);
  if (!Number.isInteger(runs) || runs < 1) throw new UsageError(`--runs "${values.runs}" must be a positive whole number`);
  return { sizes, runs, vsEleventy: values['vs-eleventy'], vsHugo: values['vs-hugo'], vsJekyll: values['vs-jekyll'], json: values.json, keep: values.keep, help: values.help };
}

class UsageError extends Error {}

const benchStarted = performance.now();
function log(message) {
  const elapsed = ((performance.now() - benchStarted) / 1000).toFixed(0).padStart(4);
  process.stderr.write(`[bench ${elapsed}s] ${message}\n`);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round = (value, digits = 0) => (value === undefined ? undefined : Math.round(value * 10 ** digits) / 10 ** digits);
const mib = (kib) => (kib === undefined ? undefined : kib / 1024);

async function countHtmlFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).length;
}

// ---------------------------------------------------------------------------------------------------
// The machine: how peak RSS is read, whether the page cache can be dropped

/** GNU time, installed with apt-get when missing and we are root (with a message); else /proc polling. */
function findTimeTool() {
  const gnuTime = '/usr/bin/time';
  const works = () => spawnSync(gnuTime, ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0;
  if (existsSync(gnuTime) && works()) return 'gnu-time';
  if (process.getuid?.() === 0) {
    log('/usr/bin/time is missing: installing the Debian package "time" (apt-get install -y time) to read peak RSS');
    spawnSync('apt-get', ['install', '-y', 'time'], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (existsSync(gnuTime) && works()) return 'gnu-time';
  }
  if (existsSync(`/proc/${process.pid}/status`)) {
    log('peak RSS: /usr/bin/time unavailable, polling VmHWM in /proc/<pid>/status instead');
    return 'proc';
  }
  log('peak RSS: neither /usr/bin/time nor /proc available, reported as n/a');
  return 'none';
}

/** Drop the page cache (root only); true when it worked. */
function dropPageCache() {
  if (process.getuid?.() !== 0) return false;
  try {
    spawnSync('sync');
    writeFileSync('/proc/sys/vm/drop_caches', '3');
    return true;
  } catch {
    return false;
  }
}

function describeMachine(timeTool) {
  const cpus = os.cpus();
  return {
    node: process.version,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim(),
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    peakRss: timeTool,
    pageCacheDropped: dropPageCache(),
    hugo: findHugo()?.version,
    jekyll: findJekyll()?.version,
  };
}

// ---------------------------------------------------------------------------------------------------
// Running a measured child process

/** Peak RSS in KiB of a running process, by polling VmHWM until it exits. */
function pollPeakRss(pid) {
  let peak;
  const read = () => {
    try {
      const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmHWM:\s+(\d+) kB/m);
      if (match) peak = Math.max(peak ?? 0, Number(match[1]));
    } catch {
      // the process is gone
    }
  };
  const timer = setInterval(read, 5);
  return { stop: () => (clearInterval(timer), peak) };
}

/** Run one command to its end: wall time (spawn to exit), peak RSS in KiB, exit code and output. */
function runMeasured(timeTool, { command, args, cwd }) {
  const [file, argv] = timeTool === 'gnu-time' ? ['/usr/bin/time', ['-f', '%M', '-o', rssFile, command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(file, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GITHUB_ACTIONS: '' } });
    const poller = timeTool === 'proc' ? pollPeakRss(child.pid) : undefined;
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      let rssKiB = poller?.stop();
      // GNU time exits with the command's code and writes "%M" as the last line of its report.
      if (timeTool === 'gnu-time') rssKiB = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) || undefined;
      resolve({ ms, rssKiB, code, stdout, stderr });
    });
  });
}

/**
 * `runs` cold runs of one build: before each, the `clean` folders are deleted and the page cache
 * dropped. Returns the median wall time, every time, the peak RSS over the runs, the html pages written.
 */
async function coldBuilds(timeTool, label, runs, build) {
  const times = [];
  let peakKiB;
  for (let run = 1; run <= runs; run++) {
    for (const dir of build.clean) await rm(dir, { recursive: true, force: true });
    dropPageCache();
    const result = await runMeasured(timeTool, build);
    if (result.code !== 0) {
      throw new Error(`${label} failed (exit ${result.code}):\n${(result.stderr || result.stdout).trim().split('\n').slice(-15).join('\n')}`);
    }
    times.push(result.ms);
    if (result.rssKiB !== undefined) peakKiB = Math.max(peakKiB ?? 0, result.rssKiB);
    log(`${label}: run ${run}/${runs} ${Math.round(result.ms)} ms${result.rssKiB ? `, ${Math.round(mib(result.rssKiB))} MiB` : ''}`);
  }
  const pages = await countHtmlFiles(build.outDir);
  return { medianMs: round(median(times), 1), runsMs: times.map((t) => round(t, 1)), peakRssMiB: round(mib(peakKiB), 1), pages };
}

/** Our CLI as a measured command, as `npm run build` runs it (or without its start-up snapshot). */
function ourBuild(contentDir, outDir, { snapshot = true } = {}) {
  return {
    command: process.execPath,
    args: [...(snapshot ? ['--snapshot-blob', SNAPSHOT] : []), CLI, 'build', '--content', contentDir, '--out', outDir, '--now', NOW],
    cwd: ROOT,
    outDir,
    clean: [outDir, BUILD_CACHE],
  };
}

/**
 * Repeat builds: after a cold build, one talk edited (a sentence appended to its abstract), then the
 * same command with the output folder and the build cache kept; each run edits another talk. The page
 * cache is left as the last build left it: in CI restoring the cache has just written the files, on an
 * organizer's machine the last build did.
 */
async function repeatBuilds(timeTool, label, runs, contentDir, talkPaths, outDir) {
  const times = [];
  const kept = [];
  const build = ourBuild(contentDir, outDir);
  for (const [run, talk] of spreadOver(talkPaths, runs).entries()) {
    await writeFile(talk, `${await readFile(talk, 'utf8')}\nA sentence added for repeat build ${run + 1}.\n`);
    const result = await runMeasured(timeTool, build);
    if (result.code !== 0) throw new Error(`${label} failed (exit ${result.code}):\n${result.stderr.trim().split('\n').slice(-15).join('\n')}`);
    times.push(result.ms);
    kept.push(Number(/\((\d+) unchanged since the last build\)/.exec(result.stdout)?.[1] ?? 0));
    log(`${label}: repeat build ${run + 1}/${runs} after editing ${path.basename(talk)}: ${Math.round(result.ms)} ms, ${kept.at(-1)} pages kept`);
  }
  // The last repeat build against a build of the same content into a new folder.
  const cleanDir = `${outDir}-clean`;
  await rm(cleanDir, { recursive: true, force: true });
  const clean = await runMeasured(timeTool, ourBuild(contentDir, cleanDir));
  if (clean.code !== 0) throw new Error(`${label}: the clean build failed (exit ${clean.code})`);
  const differing = await differingFiles(outDir, cleanDir);
  log(`${label}: the repeat build's files ${differing.length === 0 ? 'are those of a clean build' : `differ from a clean build's: ${differing.slice(0, 5).join(', ')}`}`);
  await rm(cleanDir, { recursive: true, force: true });
  return { medianMs: round(median(times), 1), runsMs: times.map((t) => round(t, 1)), keptPages: kept, sameAsClean: differing.length === 0 };
}

/** Paths whose bytes differ between two folders, or that only one holds. */
async function differingFiles(a, b) {
  const list = async (dir) => (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
  const [inA, inB] = [await list(a), await list(b)];
  const all = [...new Set([...inA, ...inB])].sort();
  const differing = [];
  for (const file of all) {
    const [x, y] = await Promise.all([readFile(path.join(a, file)).catch(() => undefined), readFile(path.join(b, file)).catch(() => undefined)]);
    if (!x || !y || !x.equals(y)) differing.push(file);
  }
  return differing;
}

// ---------------------------------------------------------------------------------------------------
// Incremental rebuilds (child process, see scripts/bench-incremental.mjs)

/** `count` items spread evenly over the list, first and last included (the last talk is an upcoming one). */
function spreadOver(items, count) {
  if (items.length <= count) return [...items];
  if (count === 1) return [items[0]];
  return Array.from({ length: count }, (_, i) => items[Math.round((i * (items.length - 1)) / (count - 1))]);
}

/** Median one-talk rebuild time, or { available: false } while dist/dev/incremental.js is absent. */
async function measureIncremental(label, contentDir, talkPaths, outDir) {
  if (!existsSync(INCREMENTAL_MODULE)) return { available: false };
  const edited = spreadOver(talkPaths, INCREMENTAL_EDITS);
  const options = { distDir: DIST, contentDir, templatesDir: TEMPLATES, outDir, now: NOW, displayRoot: ROOT, talkPaths: edited };
  await rm(outDir, { recursive: true, force: true });
  const child = spawnSync(process.execPath, [INCREMENTAL_CHILD], { cwd: ROOT, input: JSON.stringify(options), encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  if (child.error) throw new Error(`${label}: cannot run ${path.relative(ROOT, INCREMENTAL_CHILD)}: ${child.error.message}`);
  if (child.status !== 0) throw new Error(`${label}: incremental rebuilds failed:\n${(child.stderr ?? '').trim()}`);
  const result = JSON.parse(child.stdout.trim().split('\n').pop());
  if (!result.available) return { available: false };
  const times = result.edits.map((e) => e.ms);
  const unseen = result.edits.filter((e) => !e.shown).map((e) => e.file);
  for (const edit of result.edits) {
    const later = edit.deferred ? `; then ${edit.deferred} site-wide pages in ${edit.settleMs.toFixed(0)} ms (on request or in the background)` : '';
    log(`${label}: incremental ${edit.file} ${edit.ms.toFixed(1)} ms, ${edit.written ?? '?'} written${later}${edit.shown ? '' : ', edit NOT on the talk page'}`);
  }
  if (unseen.length) log(`${label}: WARNING: the rebuilt talk page does not show the edit for ${unseen.join(', ')}`);
  const settle = result.edits.map((e) => e.settleMs ?? 0);
  return {
    available: true, medianMs: round(median(times), 1), initialMs: round(result.initialMs, 1), editsMs: times.map((t) => round(t, 1)), editsShown: unseen.length === 0,
    // Site-wide pages a big site renders after the rebuild (on request, or in the background).
    deferredPages: Math.max(0, ...result.edits.map((e) => e.deferred ?? 0)), backgroundMedianMs: round(median(settle), 1),
  };
}

// ---------------------------------------------------------------------------------------------------
// The real content

/** Start-to-exit time of the CLI on content/ (warm: caches kept, output deleted), median of 10. */
async function realContentCliTime(timeTool, outDir, variant) {
  const times = [];
  for (let run = 0; run <= REAL_CLI_RUNS; run++) {
    await rm(outDir, { recursive: true, force: true });
    const result = await runMeasured(timeTool, ourBuild(REAL_CONTENT_DIR, outDir, variant));
    if (result.code !== 0) throw new Error(`real content build failed:\n${result.stderr}`);
    if (run > 0) times.push(result.ms); // run 0 only warms the page cache
  }
  log(`real content: CLI start to exit${variant.snapshot ? '' : ' without its snapshot'} ${times.map((t) => Math.round(t)).join(', ')} ms`);
  return { medianMs: round(median(times), 1), runsMs: times.map((t) => round(t, 1)) };
}

/** The peers each flag asks for, measured on the same talks; a row's `eleventy`, `hugo`, `jekyll`. */
async function measurePeers(timeTool, label, options, tools, ours, content, siteDir) {
  const peers = {};
  const given = { eleventy: options.vsEleventy, hugo: options.vsHugo, jekyll: options.vsJekyll };
  const prepare = {
    eleventy: tools.eleventy && (() => prepareEleventySite({ cli: tools.eleventy, ...content, siteDir: path.join(siteDir, 'eleventy') })),
    hugo: tools.hugo && (() => prepareHugoSite({ hugo: tools.hugo, ...content, siteDir: path.join(siteDir, 'hugo') })),
    jekyll: tools.jekyll && (() => prepareJekyllSite({ jekyll: tools.jekyll, ...content, siteDir: path.join(siteDir, 'jekyll') })),
  };
  for (const peer of ['eleventy', 'hugo', 'jekyll']) {
    if (given[peer]) peers[peer] = await measureOther(timeTool, `${label}: ${peer}`, options.runs, ours, prepare[peer]);
  }
  return peers;
}

async function measureRealContent(timeTool, options, tools, workDir) {
  const contentDir = path.join(workDir, 'real-content');
  await cp(REAL_CONTENT_DIR, contentDir, { recursive: true });
  const talkPaths = (await readdir(path.join(contentDir, 'seasons'), { recursive: true }))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => path.join(contentDir, 'seasons', f));
  const outDir = path.join(workDir, 'real-out');
  const cli = await realContentCliTime(timeTool, outDir, { snapshot: true });
  const cliWithoutSnapshot = await realContentCliTime(timeTool, outDir, { snapshot: false });
  const cold = await coldBuilds(timeTool, 'real content: cold build', options.runs, ourBuild(contentDir, outDir));
  const peers = await measurePeers(timeTool, 'real content', options, tools, cold, { contentDir, talkPaths }, path.join(workDir, 'real-peers'));
  const repeat = await repeatBuilds(timeTool, 'real content', options.runs, contentDir, talkPaths, outDir);
  const incremental = await measureIncremental('real content', contentDir, talkPaths, path.join(workDir, 'real-incremental-out'));
  if (incremental.available) incremental.percentOfCold = round((100 * incremental.medianMs) / cold.medianMs, 1);
  return { talks: talkPaths.length, cliWarmMs: cli.medianMs, cliRunsMs: cli.runsMs, cliWithoutSnapshotMs: cliWithoutSnapshot.medianMs, ours: cold, repeat, incremental, ...peers };
}

// ---------------------------------------------------------------------------------------------------
// One size of synthetic content

async function measureSize(timeTool, size, options, tools, workDir) {
  const sizeDir = path.join(workDir, `talks-${size}`);
  const label = `${size} talks`;
  log(`${label}: generating content`);
  const content = await generateContent(path.join(sizeDir, 'content'), { talks: size });
  const ours = await coldBuilds(timeTool, `${label}: ours`, options.runs, ourBuild(content.dir, path.join(sizeDir, 'out')));
  log(`${label}: the archive's search in Chromium`);
  const search = await measureArchiveSearch(path.join(sizeDir, 'out'));
  // The peers read the talk files before the repeat builds edit them.
  const peers = await measurePeers(timeTool, label, options, tools, ours, { contentDir: content.dir, talkPaths: content.talkPaths }, sizeDir);
  const repeat = await repeatBuilds(timeTool, label, options.runs, content.dir, content.talkPaths, path.join(sizeDir, 'out'));
  const incremental = await measureIncremental(label, content.dir, content.talkPaths, path.join(sizeDir, 'incremental-out'));
  const row = { talks: size, ours, repeat, incremental, search, ...peers };
  if (incremental.available) row.incremental.percentOfCold = round((100 * incremental.medianMs) / ours.medianMs, 1);

  if (!options.keep) await rm(sizeDir, { recursive: true, force: true });
  return row;
}

/** Cold builds of another generator, with the ratio ours/theirs; { available: false } without it. */
async function measureOther(timeTool, label, runs, ours, prepare) {
  if (!prepare) return { available: false };
  log(`${label}: writing the equivalent site`);
  try {
    const result = await coldBuilds(timeTool, label, runs, await prepare());
    return { available: true, ...result, ratio: round(ours.medianMs / result.medianMs, 3) };
  } catch (error) {
    log(`${label}: FAILED, reported as n/a: ${error.message}`);
    return { available: false, error: error.message };
  }
}

// ---------------------------------------------------------------------------------------------------
// Targets (issue 16) and output

function evaluateTargets(report) {
  const real = report.real;
  const at4000 = report.rows.find((r) => r.talks === 4000);
  const largest = [...report.rows].sort((a, b) => b.talks - a.talks)[0];
  const at1000 = report.rows.find((r) => r.talks === 1000);
  const check = (name, value, pass, detail) => ({ name, pass: value === undefined ? null : pass(value), detail: value === undefined ? 'not measured' : detail(value) });
  /** How many times slower (>1) or faster (<1) ours is than a peer: ours / theirs. */
  const versus = (row, peer) => (row?.[peer]?.available ? row.ours.medianMs / row[peer].medianMs : undefined);
  const faster = (theirsOverOurs) => (theirsOverOurs >= 1 ? `${theirsOverOurs.toFixed(2)}× faster` : `${(1 / theirsOverOurs).toFixed(2)}× slower`);
  const ratio = (x) => `ours/theirs ${x.toFixed(2)} (${faster(1 / x)})`;
  const repeats = [real, ...report.rows].filter(Boolean).map((r) => r.repeat);
  const growth = at1000 && largest && largest.talks > 1000 ? largest.ours.medianMs / largest.talks / (at1000.ours.medianMs / at1000.talks) : undefined;
  return [
    check('real content: cold build within 1.2× of Hugo', versus(real, 'hugo'), (x) => x <= 1.2, ratio),
    check('real content: cold build ≥ 5× faster than Eleventy', versus(real, 'eleventy'), (x) => x <= 1 / 5, ratio),
    check('4,000 talks: repeat build after a one-talk edit ≤ 1.0 s', at4000?.repeat?.medianMs, (x) => x <= 1000, (x) => `${cell(x)} ms`),
    check('repeat builds: the same files as a clean build, at every size', repeats.every(Boolean) ? repeats.every((r) => r.sameAsClean) : undefined, (x) => x, (x) => (x ? 'byte-identical' : 'files differ (see the log)')),
    check('4,000 talks: cold build ≥ 1.5× faster than Eleventy', versus(at4000, 'eleventy'), (x) => x <= 1 / 1.5, ratio),
    check('4,000 talks: cold build within 1.5× of Hugo', versus(at4000, 'hugo'), (x) => x <= 1.5, ratio),
    check('4,000 talks: peak RSS ≤ 300 MiB', at4000?.ours.peakRssMiB, (x) => x <= 300, (x) => `${Math.round(x)} MiB`),
    check(`cost grows linearly: ms/talk at ${cell(largest?.talks)} ≤ 1.1× ms/talk at 1,000`, growth, (x) => x <= 1.1, (x) => `${x.toFixed(2)}×`),
    check('npm run dev, real content: one-talk rebuild < 50 ms', real?.incremental.medianMs, (x) => x < 50, (x) => `${x.toFixed(1)} ms`),
    check('npm run dev, 4,000 talks: one-talk rebuild < 10% of a full build', at4000?.incremental.percentOfCold, (x) => x < 10, (x) => `${x.toFixed(1)}%`),
  ];
}

const cell = (value, digits = 0) => (value === undefined ? 'n/a' : value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }));

function otherCells(other, flagGiven, missing) {
  if (!flagGiven) return ['–', '–'];
  if (other?.error) return ['n/a (failed)', 'n/a'];
  if (!other?.available) return [missing, 'n/a'];
  return [cell(other.medianMs), cell(other.ratio, 2)];
}

function incrementalCells(incremental) {
  if (!incremental.available) return ['n/a (no incremental builder)', 'n/a', 'n/a'];
  const later = incremental.deferredPages ? cell(incremental.backgroundMedianMs) : '–';
  return [cell(incremental.medianMs, 1), `${cell(incremental.percentOfCold, 1)}%`, later];
}

function tableRows(report, options) {
  const header = ['talks', 'pages', 'cold ms', 'ms/talk', 'peak RSS MiB', 'repeat ms', 'dev rebuild ms', 'dev %', 'dev site-wide after, ms', 'Eleventy ms', 'ours/11ty', 'Hugo ms', 'ours/Hugo', 'Jekyll ms', 'ours/Jekyll'];
  const row = (label, r) => [
    label, cell(r.ours.pages), cell(r.ours.medianMs), cell(r.ours.medianMs / r.talks, 2), cell(r.ours.peakRssMiB), cell(r.repeat?.medianMs),
    ...incrementalCells(r.incremental),
    ...otherCells(r.eleventy, options.vsEleventy, 'n/a (install failed)'),
    ...otherCells(r.hugo, options.vsHugo, 'n/a (apt-get install hugo)'),
    ...otherCells(r.jekyll, options.vsJekyll, 'n/a (apt-get install jekyll)'),
  ];
  const rows = report.rows.map((r) => row(cell(r.talks), r));
  if (report.real) rows.unshift(row(`${report.real.talks} (real)`, report.real));
  return [header, ...rows];
}

/** A Markdown table, columns padded so that it also reads well in a terminal. */
function markdownTable(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...r[i]].length)));
  const line = (r) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i] - ([...c].length - c.length)))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(rows[0]), rule, ...rows.slice(1).map(line)].join('\n');
}

function printTable(report, options) {
  const m = report.machine;
  const out = [
    `Benchmark: cold builds (median of ${options.runs}${m.pageCacheDropped ? ', page cache dropped before each' : ', page cache NOT dropped (not root)'}), --now ${NOW}`,
    `Node ${m.node}, ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB; peak RSS via ${m.peakRss}${options.vsHugo && m.hugo ? `; ${m.hugo}` : ''}${options.vsJekyll && m.jekyll ? `; ${m.jekyll}` : ''}${options.vsEleventy ? `; Eleventy ${ELEVENTY_VERSION}` : ''}`,
    '',
    markdownTable(tableRows(report, options)),
    '',
  ];
  if (report.real) out.push(`Real content (${report.real.talks} talks): CLI start to exit ${cell(report.real.cliWarmMs)} ms from its snapshot, ${cell(report.real.cliWithoutSnapshotMs)} ms without (warm, median of ${REAL_CLI_RUNS}).`);
  for (const row of report.rows.filter((r) => r.search?.available)) {
    const s = row.search;
    out.push(`Archive search, ${cell(row.talks)} talks: archive ${cell(s.archiveKiB)} KiB, index ${cell(s.indexKiB)} KiB; load ${cell(s.loadMs)} ms; a keystroke to the filtered list ${cell(s.keystrokeMs)} ms (first search ${cell(s.firstSearchMs)} ms).`);
  }
  const marginal = marginalCosts(report.rows);
  if (marginal.length) out.push(`Marginal cost per added talk: ${marginal.map((m) => `${cell(m.from)}→${cell(m.to)}: ${m.msPerTalk.toFixed(2)} ms`).join(', ')}.`);
  out.push('', 'Targets (issue 16):');
  for (const t of report.targets) out.push(`  ${t.pass === null ? '?' : t.pass ? '✓' : '✗'} ${t.name}: ${t.detail}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

function marginalCosts(rows) {
  const sorted = [...rows].sort((a, b) => a.talks - b.talks);
  return sorted.slice(1).map((r, i) => ({ from: sorted[i].talks, to: r.talks, msPerTalk: (r.ours.medianMs - sorted[i].ours.medianMs) / (r.talks - sorted[i].talks) }));
}

// ---------------------------------------------------------------------------------------------------

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }
  if (!existsSync(CLI)) throw new Error(`${path.relative(ROOT, CLI)} is missing: run "npm run bench" (it compiles first)`);
  const timeTool = findTimeTool();
  const machine = describeMachine(timeTool);
  if (!machine.pageCacheDropped) log('the page cache cannot be dropped (needs root and a writable /proc/sys/vm/drop_caches): builds are not fully cold');
  const tools = {
    eleventy: options.vsEleventy ? ensureEleventy(log) : undefined,
    hugo: options.vsHugo ? findHugo() : undefined,
    jekyll: options.vsJekyll ? findJekyll() : undefined,
  };
  if (options.vsHugo && !tools.hugo) log('hugo is not on PATH: n/a (apt-get install hugo)');
  if (options.vsJekyll && !tools.jekyll) log('jekyll is not on PATH: n/a (apt-get install jekyll)');
  if (!existsSync(INCREMENTAL_MODULE)) log('incremental: n/a (no incremental builder: dist/dev/incremental.js is absent)');

  const workDir = await mkdtemp(path.join(os.tmpdir(), 'lg-bench-'));
  try {
    const report = { machine, now: NOW, runs: options.runs, real: await measureRealContent(timeTool, options, tools, workDir), rows: [] };
    for (const size of options.sizes) report.rows.push(await measureSize(timeTool, size, options, tools, workDir));
    report.targets = evaluateTargets(report);
    report.marginalMsPerTalk = marginalCosts(report.rows).map((m) => ({ ...m, msPerTalk: round(m.msPerTalk, 3) }));
    report.totalSeconds = round((performance.now() - benchStarted) / 1000, 1);
    if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else printTable(report, options);
  } finally {
    if (options.keep) log(`kept ${workDir}`);
    else await rm(workDir, { recursive: true, force: true });
    await rm(rssFile, { force: true });
  }
  log(`done in ${Math.round((performance.now() - benchStarted) / 1000)} s`);
}

main().catch((error) => {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  process.stderr.write(`bench: ${error?.stack ?? error}\n`);
  process.exitCode = 1;
});
