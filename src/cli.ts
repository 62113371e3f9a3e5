#!/usr/bin/env node
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite, checkSite, compareSiteTimes } from './build.js';
import type { DevOptions } from './dev/run-dev.js';
import { formatErrorChain, formatGithubAnnotations, formatProblems, type Problem } from './problems.js';
import { runNewTalk } from './scaffold/run-new.js';
import { startNowOrFromSnapshot } from './speed/startup-snapshot.js';
import { currentInstant, parseNow, type Instant } from './time.js';

const USAGE = `Usage: looking-glass <command> [options]

Commands:
  build    validate content/, render templates/, write public/
  check    validate the content and render every page in memory, write nothing
  new      scaffold a talk file (and its session file for a new season); asks in a terminal
  dev      build, serve on localhost with live reload, rebuild on every change
  changed  whether the site built at --since and at --now differ (exit 0: no, 1: yes, 2: trouble)

Options:
  --content DIR     content folder (default: content)
  --templates DIR   templates folder (default: templates)
  --out DIR         output folder (default: public)
  --now ISO         the build's "now", ISO 8601 with offset, e.g. 2024-03-20T12:00:00+01:00
  --base-path PATH  path the site is served under, e.g. /repo/ (default: from site.yaml, else /)
  --site-url URL    origin of the site, e.g. https://owner.github.io (default: from site.yaml)
  --timings         build: also print how long each step took, to stderr
  --since ISO       changed: the earlier instant, ISO 8601 with offset
  --no-history      take calendar revisions and feed dates from the content alone, not its git history
  --port N          dev: port to listen on, the next free one if taken (default: 8080)
  --host HOST       dev: address to listen on (default: 127.0.0.1)
  --season N        new: the season of the talk (default in a terminal: the latest)
  --speaker NAME    new: a speaker's full name; repeat for several speakers
  --title TEXT      new: the talk's title
  --episode N       new: the episode number (default: the next free one)
`;

/** Parse argv, run the command, set the exit code. Nothing else lives here. */
async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      content: { type: 'string', default: 'content' },
      templates: { type: 'string', default: 'templates' },
      out: { type: 'string', default: 'public' },
      now: { type: 'string' },
      'base-path': { type: 'string' },
      timings: { type: 'boolean', default: false },
      'no-history': { type: 'boolean', default: false },
      since: { type: 'string' },
      'site-url': { type: 'string' },
      port: { type: 'string', default: '8080' },
      host: { type: 'string', default: '127.0.0.1' },
      season: { type: 'string' },
      speaker: { type: 'string', multiple: true },
      title: { type: 'string' },
      episode: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0] ?? 'build';
  if (values.help || !['build', 'check', 'dev', 'new', 'changed'].includes(command)) {
    process.stdout.write(USAGE);
    return values.help ? 0 : 2;
  }
  if (command === 'new') {
    const request = { season: optionalNumber(values.season), episode: optionalNumber(values.episode), title: values.title, speakers: values.speaker ?? [] };
    const io = { input: process.stdin, output: process.stdout, errors: process.stderr, interactive: process.stdin.isTTY === true };
    return runNewTalk(request, path.resolve(values.content), process.cwd(), io);
  }
  let now: Instant;
  if (values.now !== undefined) {
    const parsed = parseNow(values.now);
    if (!parsed) {
      process.stderr.write(`--now "${values.now}" is not an ISO 8601 date and time with an offset, e.g. 2024-03-20T12:00:00+01:00\n`);
      return 2;
    }
    now = parsed;
  } else {
    now = currentInstant();
  }
  const cwd = process.cwd();
  const options = {
    contentDir: path.resolve(values.content),
    templatesDir: path.resolve(values.templates),
    outDir: path.resolve(values.out),
    now,
    displayRoot: cwd,
    overrides: { basePath: values['base-path'], siteUrl: values['site-url'] },
    history: !values['no-history'],
  };
  const started = performance.now();
  if (command === 'dev') return runDevUntilInterrupted({ ...options, host: values.host, port: Number(values.port) });
  if (command === 'changed') {
    const since = values.since === undefined ? undefined : parseNow(values.since);
    if (!since) {
      process.stderr.write('changed needs --since, an ISO 8601 date and time with an offset, e.g. 2024-03-20T11:00:00Z\n');
      return 2;
    }
    const { ok, problems, changed } = await compareSiteTimes(options, since);
    report(problems);
    if (!ok) return 2;
    for (const file of changed) process.stdout.write(`${file}\n`);
    process.stderr.write(changed.length === 0 ? 'The site is the same at both times.\n' : `${changed.length} files differ.\n`);
    return changed.length === 0 ? 0 : 1;
  }
  if (command === 'check') {
    // Every page renders too (a template's mistakes are a pull request's mistakes as well); nothing is written.
    const { ok, model, problems, talks } = await checkSite(options);
    report(problems);
    if (!ok || !model) return 1;
    process.stdout.write(`Checked ${talks} talks in ${model.sessions.length} sessions: no errors (${Math.round(performance.now() - started)} ms)\n`);
    return 0;
  }
  const result = await buildSite(options);
  report(result.problems);
  if (!result.ok) {
    process.stderr.write(`Build failed: nothing was written, ${path.relative(cwd, options.outDir) || '.'}/ is unchanged.\n`);
    return 1;
  }
  if (values.timings) process.stderr.write(`${result.timings.map(([step, stepMs]) => `${step} ${Math.round(stepMs)} ms`).join(', ')}\n`);
  const ms = Math.round(performance.now() - started);
  const kept = result.reused > 0 ? ` (${result.reused} unchanged since the last build)` : '';
  process.stdout.write(`Built ${result.talks} talks, ${result.pages} pages in ${ms} ms${kept} → ${path.relative(cwd, options.outDir) || '.'}/\n`);
  return 0;
}

/** Run the dev loop until Ctrl-C or SIGTERM, then close the watcher and the server and exit 0. */
async function runDevUntilInterrupted(options: Omit<DevOptions, 'log'>): Promise<number> {
  // Handlers first: a Ctrl-C while the server starts must still close it cleanly.
  const stopped = new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  // Loaded only for dev, so that build and check start without the watcher and server.
  const { runDev } = await import('./dev/run-dev.js');
  const session = await runDev({ ...options, log: (line) => process.stdout.write(`${line}\n`) });
  await stopped;
  await session.close();
  return 0;
}

/** A number flag as given; NaN for text, which the command reports. */
function optionalNumber(value: string | undefined): number | undefined {
  return value === undefined ? undefined : Number(value);
}

function report(problems: Problem[]): void {
  if (problems.length === 0) return;
  process.stderr.write(`${formatProblems(problems)}\n`);
  if (process.env.GITHUB_ACTIONS === 'true') process.stdout.write(`${formatGithubAnnotations(problems)}\n`);
}

startNowOrFromSnapshot(() =>
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`error: ${formatErrorChain(error)}\n`);
      process.exitCode = 1;
    },
  ),
);
