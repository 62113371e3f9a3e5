import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ConfigOverrides } from './config.js';
import { readContent, type ReadCache } from './load/read-content.js';
import { buildSiteModel } from './model/build-model.js';
import type { SiteModel } from './model/types.js';
import { hasErrors, ProblemsError, type Problem } from './problems.js';
import { planSite, type PlanOptions, type SitePlan } from './plan.js';
import { TemplateError } from './render/templates.js';
import type { Instant } from './time.js';
import { validateContent, type ValidationMemo } from './validate/validate-content.js';
import { findDuplicateOutputs } from './write/check-output.js';
import { writeSiteAtomically } from './write/write-site.js';

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
}

/** What a build did. */
export interface BuildResult {
  /** False when any error stopped the build; nothing was written then. */
  ok: boolean;
  problems: Problem[];
  talks: number;
  pages: number;
  /** Milliseconds per step, in order. */
  timings: [step: string, ms: number][];
}

/** load → validate → model: the site model, or the problems that stop it. */
export async function loadSite(
  options: Omit<BuildOptions, 'outDir' | 'templatesDir'>,
  timings: BuildResult['timings'] = [],
  memos: { readCache?: ReadCache; validationMemo?: ValidationMemo } = {},
) {
  const raw = await timed(timings, 'load', () => readContent(options.contentDir, options.displayRoot, memos.readCache));
  const validated = await timed(timings, 'validate', () => validateContent(raw, memos.validationMemo));
  const built = await timed(timings, 'model', () => buildSiteModel(validated.content, options.now, options.overrides));
  const problems = [...raw.problems, ...validated.problems, ...built.problems];
  return { model: hasErrors(problems) ? undefined : built.model, problems };
}

/**
 * plan → check outputs: every output of the model (compiling the templates) and every static file, and
 * the problems found on the way: a template that does not compile, a photo that cannot be drawn, two
 * outputs on one path. `build`, `check` and `dev` all take this step, so they report the same problems.
 */
export async function planOutputs(
  model: SiteModel,
  options: PlanOptions,
  timings: BuildResult['timings'] = [],
): Promise<{ plan: SitePlan | undefined; problems: Problem[] }> {
  const site = await timed(timings, 'plan', () => planSite(model, options));
  if (!site.plan) return site;
  const { planned, statics } = site.plan;
  const duplicates = await timed(timings, 'check output', () => findDuplicateOutputs([...planned, ...statics], options.displayRoot));
  const problems = [...site.problems, ...duplicates];
  return { plan: hasErrors(problems) ? undefined : site.plan, problems };
}

/**
 * What `check` does: load → validate → model → plan → check outputs, rendering and writing nothing.
 * Without a templates folder `check` stops after the model (a content repository checked on its own);
 * a build needs one.
 */
export async function checkSite(options: Omit<BuildOptions, 'outDir'>, timings: BuildResult['timings'] = [], templates: 'required' | 'if-present' = 'if-present') {
  const loaded = await loadSite(options, timings);
  if (!existsSync(options.templatesDir)) {
    if (templates === 'if-present') return { ...loaded, plan: undefined };
    return { model: undefined, plan: undefined, problems: [...loaded.problems, missingTemplates(options)] };
  }
  if (!loaded.model) return { ...loaded, plan: undefined };
  const planned = await planOutputs(loaded.model, options, timings);
  const problems = [...loaded.problems, ...planned.problems];
  return { model: hasErrors(problems) ? undefined : loaded.model, plan: planned.plan, problems };
}

/** The whole pipeline: load → validate → model → plan → check outputs → render and write. */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const timings: BuildResult['timings'] = [];
  const { model, plan, problems } = await checkSite(options, timings, 'required');
  const talks = model?.sessions.reduce((n, s) => n + s.talks.length, 0) ?? 0;
  const failed = (extra: Problem[] = []): BuildResult => ({ ok: false, problems: [...problems, ...extra], talks, pages: 0, timings });
  if (!model || !plan) return failed();
  const files = [...plan.planned.map((output) => ({ path: output.path, contents: output.render })), ...plan.statics];
  try {
    // Rendering happens inside the write, page by page, while other pages are being written. The write
    // first checks the output folder for files no build wrote (once; it is the step that would delete them).
    await timed(timings, 'render and write', () => writeSiteAtomically(options.outDir, files, options));
  } catch (error) {
    if (error instanceof ProblemsError) return failed(error.problems);
    const cause = error instanceof Error ? error.cause : undefined;
    if (cause instanceof TemplateError) return failed([cause.toProblem()]);
    throw error;
  }
  const pages = files.filter((f) => f.path.endsWith('.html')).length;
  return { ok: true, problems, talks, pages, timings };
}

function missingTemplates(options: Pick<BuildOptions, 'templatesDir' | 'displayRoot'>): Problem {
  return {
    code: 'missing-file', severity: 'error', file: path.relative(options.displayRoot, options.templatesDir).split(path.sep).join('/') || '.',
    message: 'the templates folder does not exist',
    hint: 'run the command from the repository root, or give the folder with --templates DIR',
  };
}

async function timed<T>(timings: BuildResult['timings'], step: string, run: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  timings.push([step, Math.round((performance.now() - started) * 10) / 10]);
  return result;
}
