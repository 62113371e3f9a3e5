import type { ConfigOverrides } from './config.js';
import { readContent, type ReadCache } from './load/read-content.js';
import { readSiteStaticFiles } from './load/read-static.js';
import { buildSiteModel } from './model/build-model.js';
import type { SiteModel } from './model/types.js';
import { hasErrors, ProblemsError, type Problem } from './problems.js';
import { planSite } from './render/render-site.js';
import { TemplateError } from './render/templates.js';
import type { Instant } from './time.js';
import { validateContent, type ValidationMemo } from './validate/validate-content.js';
import { findDuplicateOutputs } from './write/check-output.js';
import { writeSiteAtomically, type FileToWrite } from './write/write-site.js';

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

/** load → validate → model: everything `check` needs, writing nothing. */
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

/** Plan every output of the model plus the static files; pages render when they are written. */
export async function planAll(model: SiteModel, options: Pick<BuildOptions, 'contentDir' | 'templatesDir' | 'displayRoot'>): Promise<FileToWrite[]> {
  const pages = planSite(model, options).map((output) => ({ path: output.path, contents: output.render }));
  return [...pages, ...(await readSiteStaticFiles(options.templatesDir, options.contentDir))];
}

/** The whole pipeline: load → validate → model → render and write. */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const timings: BuildResult['timings'] = [];
  const { model, problems } = await loadSite(options, timings);
  const talks = model?.sessions.reduce((n, s) => n + s.talks.length, 0) ?? 0;
  if (!model) return { ok: false, problems, talks, pages: 0, timings };
  const templateProblem = (error: TemplateError): BuildResult => ({ ok: false, problems: [...problems, error.toProblem()], talks, pages: 0, timings });
  let files: FileToWrite[];
  try {
    files = await timed(timings, 'plan', () => planAll(model, options));
  } catch (error) {
    if (error instanceof TemplateError) return templateProblem(error);
    throw error;
  }
  const duplicates = await timed(timings, 'check output', () => findDuplicateOutputs(files, options.displayRoot));
  if (hasErrors(duplicates)) return { ok: false, problems: [...problems, ...duplicates], talks, pages: 0, timings };
  try {
    // Rendering happens inside the write, page by page, while other pages are being written. The write
    // first checks the output folder for files no build wrote (once; it is the step that would delete them).
    await timed(timings, 'render and write', () => writeSiteAtomically(options.outDir, files, options));
  } catch (error) {
    if (error instanceof ProblemsError) return { ok: false, problems: [...problems, ...error.problems], talks, pages: 0, timings };
    const cause = error instanceof Error ? error.cause : undefined;
    if (cause instanceof TemplateError) return templateProblem(cause);
    throw error;
  }
  const pages = files.filter((f) => f.path.endsWith('.html')).length;
  return { ok: true, problems, talks, pages, timings };
}

async function timed<T>(timings: BuildResult['timings'], step: string, run: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  timings.push([step, Math.round((performance.now() - started) * 10) / 10]);
  return result;
}
