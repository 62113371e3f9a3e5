import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ConfigOverrides } from './config.js';
import { readContent, type ReadCache } from './load/read-content.js';
import { readHistory, type ContentHistory } from './load/read-history.js';
import { buildSiteModel } from './model/build-model.js';
import type { SiteModel } from './model/types.js';
import type { PlannedOutput } from './outputs.js';
import { planSite, type PlanOptions, type SitePlan } from './plan.js';
import { hasErrors, problem, type Problem } from './problems.js';
import { TemplateError } from './render/templates.js';
import { openKeptOutputs, type KeptOutputs } from './speed/kept-outputs.js';
import type { Instant } from './time.js';
import { validateContent, type ValidationMemo } from './validate/validate-content.js';
import { AtomicDiskWriter } from './write/disk-writer.js';
import { MemoryWriter, sameBytes, type Writer } from './write/writer.js';

/** What a build reads and writes. */
export interface BuildOptions {
  contentDir: string;
  templatesDir: string;
  outDir: string;
  /** The instant that decides upcoming vs past. */
  now: Instant;
  /** Paths in messages are relative to this folder (the working directory). */
  displayRoot: string;
  overrides?: ConfigOverrides;
  /** Read the content's git history (calendar SEQUENCE and DTSTAMP, feed dates); off, they follow from the content alone. */
  history?: boolean;
}

/** Milliseconds per step, in order. */
export type Timings = [step: string, ms: number][];

/** What the pipeline did. */
export interface PipelineResult {
  /** False when any error stopped it; the writer then kept nothing. */
  ok: boolean;
  problems: Problem[];
  /** The site model, once the content had no errors. */
  model: SiteModel | undefined;
  talks: number;
  /** HTML pages planned. */
  pages: number;
  /** Outputs rendered by this run. */
  rendered: number;
  /** Outputs kept from the last build into the same folder, their inputs unchanged. */
  reused: number;
  written: string[];
  deleted: string[];
  timings: Timings;
}

/** What a full build did. */
export type BuildResult = Pick<PipelineResult, 'ok' | 'problems' | 'talks' | 'pages' | 'reused' | 'timings'>;

/** Memos a dev session keeps across runs, so that a rebuild reads, validates and renders only what changed. */
export interface PipelineMemos {
  readCache?: ReadCache;
  validationMemo?: ValidationMemo;
  markdownMemo?: Map<string, string>;
  templateMemo?: PlanOptions['templateMemo'];
  /** The content's history, read once per set of memos: a dev session reads it at its start. */
  history?: Promise<ContentHistory | undefined>;
}

/** How a run renders: everything (a build), or, in dev, what a change affects, some of it later. */
export interface RenderSelection {
  /** The outputs to render now and those to render later (the writer must be able to defer). */
  select(planned: readonly PlannedOutput[], model: SiteModel): { now: readonly PlannedOutput[]; later: readonly PlannedOutput[] };
  defer(output: PlannedOutput): void;
}

/**
 * The pipeline, the same for `build`, `check` and `dev`:
 * read → validate → model → plan → check outputs → render → write.
 * Problems of every step are collected; any error keeps the writer from keeping anything.
 */
export async function runPipeline(
  options: Omit<BuildOptions, 'outDir'>,
  writer: Writer,
  { memos = {}, selection, kept, requireTemplates = true }: { memos?: PipelineMemos; selection?: RenderSelection; kept?: KeptOutputs; requireTemplates?: boolean } = {},
): Promise<PipelineResult> {
  const timings: Timings = [];
  const step = <T>(name: string, run: () => T | Promise<T>) => timed(timings, name, run);
  const problems: Problem[] = [];
  const result = (model: SiteModel | undefined, extra: Partial<PipelineResult> = {}): PipelineResult => ({
    ok: !hasErrors(problems), problems, model, talks: model?.sessions.reduce((n, s) => n + s.talks.length, 0) ?? 0,
    pages: 0, rendered: 0, reused: 0, written: [], deleted: [], timings, ...extra,
  });

  const [raw, history] = await step('read', () =>
    Promise.all([readContent(options.contentDir, options.displayRoot, memos.readCache), options.history ? (memos.history ??= readHistory(options.contentDir, options.displayRoot)) : undefined]),
  );
  const valid = await step('validate', () => validateContent(raw, memos.validationMemo));
  const built = await step('model', () => buildSiteModel(valid.content, options.now, options.overrides, history));
  problems.push(...raw.problems, ...valid.problems, ...built.problems);
  const model = hasErrors(problems) ? undefined : built.model;
  if (!existsSync(options.templatesDir)) {
    // `check` of a content repository on its own stops after the model; a build needs templates.
    if (requireTemplates) problems.push(missingTemplates(options));
    return result(model);
  }
  if (!model) return result(undefined);

  const planned = await step('plan', () => planSite(model, { ...options, ...memos }));
  problems.push(...planned.problems);
  if (!planned.plan) return result(model);
  const { plan } = planned;
  const pages = plan.planned.filter((output) => output.path.endsWith('.html')).length;
  problems.push(...(await step('check outputs', () => writer.begin([...plan.planned, ...plan.statics], options.displayRoot))));
  if (hasErrors(problems)) {
    await writer.finish(false);
    return result(model, { pages });
  }

  // Pages render one by one as they are written (they need not all sit in memory): the two steps are
  // timed apart all the same.
  const { rendered, reused, renderMs, writeMs } = await renderAndWrite(plan, model, writer, problems, selection, kept);
  timings.push(['render', round(renderMs)]);
  const finishing = performance.now();
  const written = await writer.finish(!hasErrors(problems));
  if (!hasErrors(problems)) kept?.remember();
  timings.push(['write', round(writeMs + performance.now() - finishing)]);
  return result(model, { pages, rendered, reused, ...written });
}

/**
 * Render the selected outputs and put them, then the static files. A template error is a problem of
 * the page; the other pages still render (their errors are reported too), and nothing more is put. An
 * output whose inputs are those of the file the last build left (`kept`) is that file again.
 */
async function renderAndWrite(plan: SitePlan, model: SiteModel, writer: Writer, problems: Problem[], selection: RenderSelection | undefined, kept: KeptOutputs | undefined) {
  const { now, later } = selection ? selection.select(plan.planned, model) : { now: plan.planned, later: [] };
  let renderMs = 0;
  let writeMs = 0;
  const put = async (path: string, contents: string | Uint8Array) => {
    const started = performance.now();
    await writer.put({ path, contents });
    writeMs += performance.now() - started;
  };
  const templateErrors = new Set<string>();
  let reused = 0;
  for (const output of now) {
    const started = performance.now();
    if (kept && writer.reuse && output.inputs && !hasErrors(problems) && kept.unchanged(output.path, output.inputs())) {
      renderMs += performance.now() - started;
      await writer.reuse(output.path);
      reused++;
      continue;
    }
    let contents: string | Uint8Array;
    try {
      contents = output.render();
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      // Every page of a broken template fails the same way: one problem per place in the templates.
      const found = error.toProblem();
      const key = `${found.file}:${found.line}:${found.message}`;
      if (!templateErrors.has(key)) problems.push(found);
      templateErrors.add(key);
      continue;
    } finally {
      renderMs += performance.now() - started;
    }
    if (!hasErrors(problems)) await put(output.path, contents);
  }
  if (!hasErrors(problems)) {
    for (const file of plan.statics) await put(file.path, file.contents());
    for (const output of later) selection!.defer(output);
  }
  return { rendered: now.length - reused, reused, renderMs, writeMs };
}

/**
 * The whole pipeline into the output folder, which is replaced only when everything succeeded; pages
 * whose inputs are unchanged since the last build into it are kept from that build.
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  return runPipeline(options, new AtomicDiskWriter(options.outDir, options.contentDir), { kept: openKeptOutputs(options.outDir) });
}

/**
 * What `check` does: the whole pipeline into memory, so every template is compiled and every page
 * rendered, and nothing is written. Without a templates folder it stops after the model (a content
 * repository checked on its own).
 */
export async function checkSite(options: Omit<BuildOptions, 'outDir'>): Promise<PipelineResult> {
  return runPipeline(options, new MemoryWriter(), { requireTemplates: false });
}

/**
 * What time alone changed between `earlier` and `options.now`: the site built at each, in memory, and
 * the paths whose bytes differ. The scheduled run deploys only when there are some.
 */
export async function compareSiteTimes(options: Omit<BuildOptions, 'outDir'>, earlier: Instant): Promise<{ ok: boolean; problems: Problem[]; changed: string[] }> {
  const [before, after] = [new MemoryWriter(), new MemoryWriter()];
  // One set of memos: the second build reads, validates and compiles nothing again.
  const memos: PipelineMemos = { readCache: new Map(), validationMemo: new WeakMap(), markdownMemo: new Map(), templateMemo: {} };
  const then = await runPipeline({ ...options, now: earlier }, before, { memos });
  const now = await runPipeline(options, after, { memos });
  if (!then.ok || !now.ok) return { ok: false, problems: now.ok ? then.problems : now.problems, changed: [] };
  const paths = [...new Set([...before.files.keys(), ...after.files.keys()])].sort();
  const changed = paths.filter((p) => {
    const [a, b] = [before.files.get(p), after.files.get(p)];
    return a === undefined || b === undefined || !sameBytes(a, b);
  });
  return { ok: true, problems: now.problems, changed };
}

function missingTemplates(options: Pick<BuildOptions, 'templatesDir' | 'displayRoot'>): Problem {
  return problem(
    'missing-file', { file: path.relative(options.displayRoot, options.templatesDir).split(path.sep).join('/') || '.' },
    'the templates folder does not exist',
    'run the command from the repository root, or give the folder with --templates DIR',
  );
}

async function timed<T>(timings: Timings, step: string, run: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  timings.push([step, round(performance.now() - started)]);
  return result;
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
