import { listSiteStaticFiles } from './load/read-static.js';
import { createMarkdownRenderer } from './markdown.js';
import type { SiteModel } from './model/types.js';
import type { PlannedOutput, StaticFile } from './outputs.js';
import type { Problem } from './problems.js';
import { deriveCalendarEvents } from './publish/calendar-events.js';
import { planPublish } from './publish/plan-publish.js';
import { createRenderContext, type RenderOptions } from './render/context.js';
import { planPages } from './render/plan-pages.js';
import { TemplateError } from './render/templates.js';
import { createUrls } from './routes.js';

/** Every output of a site: planned (rendered when written) and listed (static files, read when written). */
export interface SitePlan {
  planned: PlannedOutput[];
  statics: StaticFile[];
}

/** What planning needs besides the model. */
export interface PlanOptions extends RenderOptions {
  contentDir: string;
  /** Rendered Markdown kept across dev rebuilds, by source text. */
  markdownMemo?: Map<string, string>;
}

/**
 * The plan step: the pages (compiling the templates), the machine-readable outputs and the static files,
 * and the problems found on the way (a template that does not compile, a photo that cannot be drawn).
 */
export async function planSite(model: SiteModel, options: PlanOptions): Promise<{ plan: SitePlan | undefined; problems: Problem[] }> {
  const urls = createUrls(model.config);
  const markdown = createMarkdownRenderer({ memo: options.markdownMemo, basePath: model.config.basePath });
  const events = deriveCalendarEvents(model, urls);
  let pages: PlannedOutput[];
  try {
    pages = planPages(createRenderContext(model, { urls, markdown, events }, options));
  } catch (error) {
    if (error instanceof TemplateError) return { plan: undefined, problems: [error.toProblem()] };
    throw error;
  }
  const published = planPublish({ model, urls, markdown, events, contentDir: options.contentDir });
  const statics = await listSiteStaticFiles(options.templatesDir, options.contentDir);
  return { plan: { planned: [...pages, ...published.outputs], statics }, problems: published.problems };
}
