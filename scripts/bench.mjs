// `npm run bench`: how fast the site generator is, on this machine, against the targets of issue 5.
//
// What it measures, for each size (250, 1,000, 4,000, 10,000 talks; `--sizes`):
//   - cold full builds of the compiled CLI as a child process (`node dist/bundle/cli.js build … --now …`):
//     output folder deleted and, when running as root, the page cache dropped before every run;
//     median wall time (spawn to exit) of `--runs` runs (default 5), pages written, ms per talk, and
//     the peak RSS (the largest over the runs; GNU `/usr/bin/time -f %M`, else VmHWM polled from /proc);
//   - one-talk incremental rebuilds through dist/dev/incremental.js (when it exists): one initial
//     build, then five talks edited one after the other (a sentence appended to the abstract),
//     median time of `rebuild([file])`, also as a share of the cold full build;
//   - with `--vs-eleventy` / `--vs-hugo`: the same talk files built cold by Eleventy 3.1.8 / Hugo with
//     an equivalent minimal site (one talk layout and one index page), median and peak RSS, and the
//     ratio ours/theirs.
// Plus, on the real content (content/): the CLI's start-to-exit time (warm, median of 10), a cold build
// and incremental rebuilds. At each size the archive's search in Chromium (scripts/bench-search.mjs): the
// archive's and the index's size, the page's load, and a keystroke to the filtered list. The synthetic content comes from scripts/bench-content.mjs (seeded, so the
// same size always gives the same files) and lives in a temp folder removed at the end (`--keep`).
// Everything runs one after the other (the machines have two cores). Progress goes to stderr; the
// table (or `--json`) to stdout.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateContent, REAL_CONTENT_DIR } from './bench-content.mjs';
import { ELEVENTY_VERSION, ensureEleventy, findHugo, prepareEleventySite, prepareHugoSite } from './bench-others.mjs';
import { measureArchiveSearch } from './bench-search.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = path.join(ROOT, 'dist');
const CLI = path.join(DIST, 'bundle', 'cli.js');
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
      json: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const sizes = values.sizes ? values.sizes.split(',').map((s) => Number(s.trim().replace(/_/g, ''))) : DEFAULT_SIZES;
  const runs = Number(values.runs);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new UsageError(`--sizes "${values.sizes}" must be positive whole numbers, e.g. 250,1000`);
  if (!Number.isInteger(runs) || runs < 1) throw new UsageError(`--runs "${values.runs}" must be a positive whole number`);
  return { sizes, runs, vsEleventy: values['vs-eleventy'], vsHugo: values['vs-hugo'], json: values.json, keep: values.keep, help: values.help };
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

/** Our CLI as a measured command. */
function ourBuild(contentDir, outDir) {
  return {
    command: process.execPath,
    args: [CLI, 'build', '--content', contentDir, '--out', outDir, '--now', NOW],
    cwd: ROOT,
    outDir,
    clean: [outDir],
  };
}

// ---------------------------------------------------------------------------------------------------
// Incremental rebuilds (child process, see scripts/bench-incremental.mjs)

/** `count` items spread evenly over the list, first and last included (the last talk is an upcoming one). */
function spreadOver(items, count) {
  if (items.length <= count) return [...items];
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
async function realContentCliTime(timeTool, outDir) {
  const times = [];
  for (let run = 0; run <= REAL_CLI_RUNS; run++) {
    await rm(outDir, { recursive: true, force: true });
    const result = await runMeasured(timeTool, ourBuild(REAL_CONTENT_DIR, outDir));
    if (result.code !== 0) throw new Error(`real content build failed:\n${result.stderr}`);
    if (run > 0) times.push(result.ms); // run 0 only warms the page cache
  }
  log(`real content: CLI start to exit ${times.map((t) => Math.round(t)).join(', ')} ms`);
  return { medianMs: round(median(times), 1), runsMs: times.map((t) => round(t, 1)) };
}

async function measureRealContent(timeTool, options, workDir) {
  const contentDir = path.join(workDir, 'real-content');
  await cp(REAL_CONTENT_DIR, contentDir, { recursive: true });
  const talkPaths = (await readdir(path.join(contentDir, 'seasons'), { recursive: true }))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => path.join(contentDir, 'seasons', f));
  const outDir = path.join(workDir, 'real-out');
  const cli = await realContentCliTime(timeTool, outDir);
  const cold = await coldBuilds(timeTool, 'real content: cold build', options.runs, ourBuild(contentDir, outDir));
  const incremental = await measureIncremental('real content', contentDir, talkPaths, path.join(workDir, 'real-incremental-out'));
  if (incremental.available) incremental.percentOfCold = round((100 * incremental.medianMs) / cold.medianMs, 1);
  return { talks: talkPaths.length, cliWarmMs: cli.medianMs, cliRunsMs: cli.runsMs, ours: cold, incremental };
}

// ---------------------------------------------------------------------------------------------------
// One size of synthetic content

async function measureSize(timeTool, size, options, tools, workDir) {
  const sizeDir = path.join(workDir, `talks-${size}`);
  const label = `${size} talks`;
  log(`${label}: generating content`);
  const content = await generateContent(path.join(sizeDir, 'content'), { talks: size });
  const ours = await coldBuilds(timeTool, `${label}: ours`, options.runs, ourBuild(content.dir, path.join(sizeDir, 'out')));
  const incremental = await measureIncremental(label, content.dir, content.talkPaths, path.join(sizeDir, 'incremental-out'));
  log(`${label}: the archive's search in Chromium`);
  const search = await measureArchiveSearch(path.join(sizeDir, 'out'));
  const row = { talks: size, ours, incremental, search };
  if (incremental.available) row.incremental.percentOfCold = round((100 * incremental.medianMs) / ours.medianMs, 1);

  if (options.vsEleventy) row.eleventy = await measureOther(timeTool, `${label}: eleventy`, options.runs, ours, tools.eleventy && (() => prepareEleventySite({ cli: tools.eleventy, contentDir: content.dir, talkPaths: content.talkPaths, siteDir: path.join(sizeDir, 'eleventy') })));
  if (options.vsHugo) row.hugo = await measureOther(timeTool, `${label}: hugo`, options.runs, ours, tools.hugo && (() => prepareHugoSite({ hugo: tools.hugo, contentDir: content.dir, talkPaths: content.talkPaths, siteDir: path.join(sizeDir, 'hugo') })));

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
// Targets (issue 5) and output

function evaluateTargets(report) {
  const at4000 = report.rows.find((r) => r.talks === 4000);
  const check = (name, value, pass, detail) => ({ name, pass: value === undefined ? null : pass(value), detail: value === undefined ? 'not measured' : detail(value) });
  const eleventy = at4000?.eleventy?.available ? at4000.eleventy.medianMs / at4000.ours.medianMs : undefined;
  const hugo = at4000?.hugo?.available ? at4000.hugo.medianMs / at4000.ours.medianMs : undefined;
  const perTalk = report.rows.filter((r) => r.talks >= 1000).map((r) => r.ours.medianMs / r.talks);
  const growth = perTalk.length >= 2 ? perTalk[perTalk.length - 1] / perTalk[0] : undefined;
  const speed = (x) => (x >= 1 ? `${x.toFixed(2)}× faster` : `${(1 / x).toFixed(2)}× slower`);
  return [
    check('4,000 talks: cold build ≥ 3× faster than Eleventy', eleventy, (x) => x >= 3, speed),
    check('4,000 talks: cold build faster than Hugo', hugo, (x) => x > 1, speed),
    check('4,000 talks: peak RSS < 300 MiB', at4000?.ours.peakRssMiB, (x) => x < 300, (x) => `${Math.round(x)} MiB`),
    check('real content: CLI start to exit < 250 ms', report.real?.cliWarmMs, (x) => x < 250, (x) => `${Math.round(x)} ms`),
    check('real content: one-talk incremental rebuild < 50 ms', report.real?.incremental.medianMs, (x) => x < 50, (x) => `${x.toFixed(1)} ms`),
    check('4,000 talks: incremental rebuild < 10% of a full build', at4000?.incremental.percentOfCold, (x) => x < 10, (x) => `${x.toFixed(1)}%`),
    check('cost grows linearly: ms/talk at the largest size ≤ 1.1× ms/talk at 1,000', growth, (x) => x <= 1.1, (x) => `${x.toFixed(2)}×`),
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
  const header = ['talks', 'pages', 'cold ms', 'ms/talk', 'peak RSS MiB', 'incremental ms', 'incr. %', 'site-wide pages after, ms', 'eleventy ms', 'ours/11ty', 'hugo ms', 'ours/hugo'];
  const rows = report.rows.map((r) => [
    cell(r.talks), cell(r.ours.pages), cell(r.ours.medianMs), cell(r.ours.medianMs / r.talks, 2), cell(r.ours.peakRssMiB),
    ...incrementalCells(r.incremental),
    ...otherCells(r.eleventy, options.vsEleventy, 'n/a (install failed)'),
    ...otherCells(r.hugo, options.vsHugo, 'n/a (apt-get install hugo)'),
  ]);
  if (report.real) {
    const r = report.real;
    rows.unshift([`${r.talks} (real)`, cell(r.ours.pages), cell(r.ours.medianMs), cell(r.ours.medianMs / r.talks, 2), cell(r.ours.peakRssMiB), ...incrementalCells(r.incremental), '–', '–', '–', '–']);
  }
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
    `Node ${m.node}, ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB; peak RSS via ${m.peakRss}${options.vsHugo && m.hugo ? `; ${m.hugo}` : ''}${options.vsEleventy ? `; Eleventy ${ELEVENTY_VERSION}` : ''}`,
    '',
    markdownTable(tableRows(report, options)),
    '',
  ];
  if (report.real) out.push(`Real content (${report.real.talks} talks): CLI start to exit ${cell(report.real.cliWarmMs)} ms (warm, median of ${REAL_CLI_RUNS}).`);
  for (const row of report.rows.filter((r) => r.search?.available)) {
    const s = row.search;
    out.push(`Archive search, ${cell(row.talks)} talks: archive ${cell(s.archiveKiB)} KiB, index ${cell(s.indexKiB)} KiB; load ${cell(s.loadMs)} ms; a keystroke to the filtered list ${cell(s.keystrokeMs)} ms (first search ${cell(s.firstSearchMs)} ms).`);
  }
  const marginal = marginalCosts(report.rows);
  if (marginal.length) out.push(`Marginal cost per added talk: ${marginal.map((m) => `${cell(m.from)}→${cell(m.to)}: ${m.msPerTalk.toFixed(2)} ms`).join(', ')}.`);
  out.push('', 'Targets (issue 5):');
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
  };
  if (options.vsHugo && !tools.hugo) log('hugo is not on PATH: n/a (apt-get install hugo)');
  if (!existsSync(INCREMENTAL_MODULE)) log('incremental: n/a (no incremental builder: dist/dev/incremental.js is absent)');

  const workDir = await mkdtemp(path.join(os.tmpdir(), 'lg-bench-'));
  try {
    const report = { machine, now: NOW, runs: options.runs, real: await measureRealContent(timeTool, options, workDir), rows: [] };
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
