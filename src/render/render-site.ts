import type { SiteModel } from '../model/types.js';
import type { Problem } from '../problems.js';
import { createRenderContext, type PlannedOutput, type RenderOptions } from './context.js';
import { planCalendars } from './plan-calendars.js';
import { planPages } from './plan-pages.js';
import { planPhotos } from './photos.js';
import { planPublish } from './plan-publish.js';

export type { OutputFile, PlannedOutput, RenderOptions } from './context.js';

/** Every output of the site, planned but not yet rendered, and what stops one. Each planner adds one kind of output. */
export function planSite(model: SiteModel, options: RenderOptions): { outputs: PlannedOutput[]; problems: Problem[] } {
  const ctx = createRenderContext(model, options);
  const photos = planPhotos(ctx, options.contentDir);
  const planned = [...planPages(ctx), ...planCalendars(ctx), ...photos.outputs];
  return { outputs: [...planned, ...planPublish(ctx, planned)], problems: photos.problems };
}
