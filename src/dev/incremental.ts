import path from 'node:path';
import { runPipeline, type BuildOptions, type PipelineMemos, type RenderSelection } from '../build.js';
import type { SiteModel } from '../model/types.js';
import type { SiteFiles } from '../outputs.js';
import type { Problem } from '../problems.js';
import { DevWriter } from '../write/dev-writer.js';
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
  outputs(): SiteFiles;
  /** Render and write every deferred page now. */
  settle(): void;
  /** The last good model, once a build succeeded. */
  model(): SiteModel | undefined;
}

/**
 * The pipeline of a build, run again on every change: the memos skip reading, validating and rendering
 * what did not change, the selection renders only the outputs a change affects, and the dev writer
 * writes only the bytes that changed.
 */
export function createIncrementalBuilder(options: BuildOptions, tuning: IncrementalOptions = {}): IncrementalBuilder {
  const deferFrom = tuning.deferSiteWideFrom ?? DEFER_SITE_WIDE_FROM;
  const memos: PipelineMemos & Required<Omit<PipelineMemos, 'history'>> = { readCache: new Map(), validationMemo: new WeakMap(), markdownMemo: new Map(), templateMemo: {} };
  const writer = new DevWriter(options.outDir, options.contentDir, tuning.onDeferredError);
  let lastModel: SiteModel | undefined;
  // Changes seen by failed rebuilds still have to be rendered by the next good one.
  let pending: ChangeKind[] = [];

  async function run(changed: readonly string[] | 'all'): Promise<RebuildResult> {
    const started = performance.now();
    // The edit's own pages first: deferred pages wait until this rebuild is done, however it ends.
    writer.pauseBackground();
    if (changed === 'all') memos.readCache.clear();
    else {
      pending.push(...changed.map((file) => classify(path.resolve(file))));
      for (const file of changed) memos.readCache.delete(path.resolve(file));
    }
    const changes = changed === 'all' ? undefined : pending;
    if (!changes || changes.some((change) => change.kind === 'template' || change.kind === 'other')) memos.templateMemo.renderer = undefined;
    const result = await runPipeline(options, writer, { memos, selection: changes && lastModel ? affectedBy(changes, lastModel) : undefined });
    writer.resumeBackground();
    const ms = Math.round((performance.now() - started) * 10) / 10;
    if (!result.ok) return { ok: false, problems: result.problems, rendered: 0, written: [], deleted: [], cssOnly: false, deferred: writer.deferredCount, ms };
    lastModel = result.model;
    pending = [];
    const { written, deleted } = result;
    const cssOnly = written.length > 0 && written.every((p) => p.endsWith('.css'));
    return { ok: true, problems: result.problems, rendered: result.rendered, written, deleted, cssOnly, deferred: writer.deferredCount, ms };
  }

  /** What a rebuild renders: the outputs the changes affect; on a big site, site-wide ones later. */
  function affectedBy(changes: readonly ChangeKind[], before: SiteModel): RenderSelection {
    return {
      select(planned, model) {
        const selected = selectAffected(planned, changes, before, model);
        // Only content edits defer: a template change re-renders everything now, so its errors show.
        const defer = model.sessions.length >= deferFrom && changes.every((change) => change.kind === 'talk' || change.kind === 'session');
        if (!defer) return { now: selected, later: [] };
        return { now: selected.filter((o) => o.scope.kind !== 'global'), later: selected.filter((o) => o.scope.kind === 'global') };
      },
      defer: (output) => writer.defer(output.path, output.render),
    };
  }

  function classify(file: string): ChangeKind {
    const inside = (dir: string) => file.startsWith(path.resolve(dir) + path.sep);
    if (inside(options.templatesDir)) return { kind: inside(path.join(options.templatesDir, 'assets')) ? 'static' : 'template', file };
    // Speaker photos are resized from content/static into pages' images, so a change there redoes everything.
    if (inside(path.join(options.contentDir, 'static'))) return { kind: 'other', file };
    // Under seasons/, a session file or a talk; anything else there (a folder made or removed, whose files
    // may have come without their own events) makes everything be looked at again.
    const display = path.relative(options.displayRoot, file).split(path.sep).join('/');
    if (inside(path.join(options.contentDir, 'seasons')) && path.basename(file) === 'session.yaml') return { kind: 'session', file: display };
    if (inside(path.join(options.contentDir, 'seasons')) && file.endsWith('.md')) return { kind: 'talk', file: display };
    return { kind: 'other', file };
  }

  return {
    build: () => run('all'),
    rebuild: (changedPaths) => run(changedPaths),
    outputs: () => writer,
    settle: () => writer.settle(),
    model: () => lastModel,
  };
}
