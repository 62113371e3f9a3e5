import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadSite, planOutputs, type BuildOptions } from '../build.js';
import type { ReadCache } from '../load/read-content.js';
import type { ValidationMemo } from '../validate/validate-content.js';
import type { SiteModel } from '../model/types.js';
import type { Problem } from '../problems.js';
import type { PlanOptions } from '../plan.js';
import { TemplateError } from '../render/templates.js';
import { formatManifest, MANIFEST_FILE } from '../write/check-output.js';
import { outputPath, writeSiteAtomically } from '../write/write-site.js';
import { selectAffected, type ChangeKind } from './affected.js';

/** What one (re)build did. */
export interface RebuildResult {
  ok: boolean;
  problems: Problem[];
  /** Outputs rendered this time. */
  rendered: number;
  /** Output paths whose bytes changed and were written. */
  written: string[];
  /** Output paths removed because nothing produces them any more. */
  deleted: string[];
  /** True when only stylesheets changed, so a browser may swap CSS instead of reloading. */
  cssOnly: boolean;
  /** Site-wide pages left to render when first asked for, or soon after (big sites only). */
  deferred: number;
  ms: number;
}

/** Tuning of the builder; the defaults are what `dev` uses. */
export interface IncrementalOptions {
  /**
   * From this many sessions on, a content edit renders the site-wide pages (webinar page, archive,
   * feeds, sitemap) only when the server is asked for one, or in the background right after: at 4,000
   * talks they take a second to render, while the edited talk's own pages take milliseconds.
   */
  deferSiteWideFrom?: number;
  /** Told when rendering a deferred page fails (the last good version stays). */
  onDeferredError?: (error: unknown, path: string) => void;
}

const DEFER_SITE_WIDE_FROM = 300;

/** A builder that keeps the last good site in memory and rebuilds only what a change touches. */
export interface IncrementalBuilder {
  build(): Promise<RebuildResult>;
  rebuild(changedPaths: readonly string[]): Promise<RebuildResult>;
  /** The last good output, by output path (a deferred page renders when it is read). */
  outputs(): ReadonlyMap<string, string | Uint8Array>;
  /** Render and write every deferred page now. */
  settle(): void;
  /** The last good model, once a build succeeded. */
  model(): SiteModel | undefined;
}

/** Create an incremental builder over the same options as a full build. */
export function createIncrementalBuilder(options: BuildOptions, tuning: IncrementalOptions = {}): IncrementalBuilder {
  const deferFrom = tuning.deferSiteWideFrom ?? DEFER_SITE_WIDE_FROM;
  const readCache: ReadCache = new Map();
  const validationMemo: ValidationMemo = new WeakMap();
  const markdownMemo = new Map<string, string>();
  const templateMemo: NonNullable<PlanOptions['templateMemo']> = {};
  const outputs = new Map<string, string | Uint8Array>();
  // Site-wide outputs of the last good model that are not rendered yet, and the timer that renders them.
  const deferred = new Map<string, () => string | Uint8Array>();
  let background: NodeJS.Immediate | undefined;
  let lastModel: SiteModel | undefined;
  let everBuilt = false;
  // Changes seen by failed rebuilds still have to be rendered by the next good one.
  let pending: ChangeKind[] = [];

  async function run(changed: readonly string[] | 'all'): Promise<RebuildResult> {
    const started = performance.now();
    // The edit's own pages first: background rendering waits until this rebuild is done.
    if (background) clearImmediate(background);
    background = undefined;
    if (changed !== 'all') pending.push(...changed.map((file) => classify(path.resolve(file))));
    const kinds = changed === 'all' ? undefined : pending;
    for (const file of changed === 'all' ? [] : changed) readCache.delete(path.resolve(file));
    if (changed === 'all') readCache.clear();
    const { model, problems } = await loadSite(options, [], { readCache, validationMemo });
    const fail = (extra: Problem[] = []): RebuildResult => {
      if (deferred.size > 0) background ??= setImmediate(renderInBackground);
      return {
        ok: false, problems: [...problems, ...extra], rendered: 0, written: [], deleted: [], cssOnly: false, deferred: deferred.size, ms: elapsed(started),
      };
    };
    if (!model) return fail();

    if (!kinds || kinds.some((change) => change.kind === 'template' || change.kind === 'other')) templateMemo.renderer = undefined;
    const site = await planOutputs(model, { ...options, markdownMemo, templateMemo });
    if (!site.plan) return fail(site.problems);
    const { planned, statics } = site.plan;
    const selected = !everBuilt || !kinds || !lastModel ? planned : selectAffected(planned, kinds, lastModel, model);
    // Only content edits defer: a template change re-renders everything now, so its errors show.
    const defer = everBuilt && kinds !== undefined && model.sessions.length >= deferFrom
      && kinds.every((change) => change.kind === 'talk' || change.kind === 'session');
    const now = defer ? selected.filter((output) => output.scope.kind !== 'global') : selected;
    let rendered: { path: string; contents: string | Uint8Array }[];
    try {
      rendered = now.map((output) => ({ path: output.path, contents: output.render() }));
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      return fail([error.toProblem()]);
    }
    for (const output of selected) {
      if (defer && output.scope.kind === 'global') deferred.set(output.path, output.render);
      // Rendered now: a page still deferred from an earlier edit is superseded. Pages this change does
      // not touch (a stylesheet edit touches none) stay deferred.
      else deferred.delete(output.path);
    }
    const next = new Map<string, string | Uint8Array>();
    for (const output of rendered) next.set(output.path, output.contents);
    for (const file of statics) next.set(file.path, file.contents());

    const keep = new Set([...planned.map((o) => o.path), ...statics.map((s) => s.path)]);
    for (const p of deferred.keys()) if (!keep.has(p)) deferred.delete(p);
    const written: string[] = [];
    const deleted = [...outputs.keys()].filter((p) => !keep.has(p));
    if (!everBuilt) {
      await writeSiteAtomically(options.outDir, [...next].map(([p, contents]) => ({ path: p, contents })), options);
      written.push(...next.keys());
    } else {
      for (const [p, contents] of next) {
        if (!sameBytes(outputs.get(p), contents)) written.push(p);
      }
      await Promise.all(
        written.map(async (p) => {
          const target = outputPath(options.outDir, p);
          await mkdir(path.dirname(target), { recursive: true });
          await writeFile(target, next.get(p)!);
        }),
      );
      await Promise.all(deleted.map((p) => rm(outputPath(options.outDir, p), { force: true })));
      // Keep the build's list of its files true, so that a later full build does not take files
      // added here for files someone else put in the output folder.
      if (written.some((p) => !outputs.has(p)) || deleted.length > 0) {
        await writeFile(path.join(options.outDir, MANIFEST_FILE), formatManifest([...keep]));
      }
    }
    for (const p of deleted) outputs.delete(p);
    for (const p of written) outputs.set(p, next.get(p)!);
    everBuilt = true;
    lastModel = model;
    pending = [];
    const cssOnly = written.length > 0 && written.every((p) => p.endsWith('.css'));
    const result = { ok: true, problems, rendered: rendered.length, written, deleted, cssOnly, deferred: deferred.size, ms: elapsed(started) };
    if (deferred.size > 0) background ??= setImmediate(renderInBackground);
    return result;
  }

  /** Render one deferred output, write it if its bytes changed; false when it was not deferred. */
  function renderDeferred(p: string): boolean {
    const render = deferred.get(p);
    if (!render) return false;
    deferred.delete(p);
    let contents;
    try {
      contents = render();
    } catch (error) {
      tuning.onDeferredError?.(error, p);
      return true;
    }
    if (!sameBytes(outputs.get(p), contents)) {
      outputs.set(p, contents);
      const target = outputPath(options.outDir, p);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, contents);
    }
    return true;
  }

  /** One deferred output per turn of the event loop, so that requests and saves are served between them. */
  function renderInBackground() {
    background = undefined;
    const next = deferred.keys().next();
    if (next.done) return;
    renderDeferred(next.value);
    if (deferred.size > 0) background = setImmediate(renderInBackground);
  }

  function settle() {
    if (background) clearImmediate(background);
    background = undefined;
    for (const p of [...deferred.keys()]) renderDeferred(p);
  }

  /** The outputs as the server reads them: a deferred page is rendered on first read. */
  const outputsView: ReadonlyMap<string, string | Uint8Array> = {
    get: (p: string) => {
      renderDeferred(p);
      return outputs.get(p);
    },
    has: (p: string) => outputs.has(p) || deferred.has(p),
    get size() {
      settle();
      return outputs.size;
    },
    forEach(callback, thisArg) {
      settle();
      outputs.forEach((value, key) => callback.call(thisArg, value, key, outputsView));
    },
    entries: () => (settle(), outputs.entries()),
    keys: () => (settle(), outputs.keys()),
    values: () => (settle(), outputs.values()),
    [Symbol.iterator]: () => (settle(), outputs[Symbol.iterator]()),
  };

  function classify(file: string): ChangeKind {
    const inside = (dir: string) => file.startsWith(path.resolve(dir) + path.sep);
    if (inside(options.templatesDir)) return { kind: inside(path.join(options.templatesDir, 'assets')) ? 'static' : 'template', file };
    // Speaker photos are resized from content/static into pages' images, so a change there redoes everything.
    if (inside(path.join(options.contentDir, 'static'))) return { kind: 'other', file };
    if (inside(path.join(options.contentDir, 'seasons'))) {
      return { kind: path.basename(file) === 'session.yaml' ? 'session' : 'talk', file: relativeDisplay(file) };
    }
    return { kind: 'other', file };
  }

  function relativeDisplay(file: string): string {
    return path.relative(options.displayRoot, file).split(path.sep).join('/');
  }

  return {
    build: () => run('all'),
    rebuild: (changedPaths) => run(changedPaths),
    outputs: () => outputsView,
    settle,
    model: () => lastModel,
  };
}

function sameBytes(a: string | Uint8Array | undefined, b: string | Uint8Array): boolean {
  if (a === undefined) return false;
  if (typeof a === 'string' && typeof b === 'string') return a === b;
  return Buffer.from(a).equals(Buffer.from(b));
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}
