import type { SiteModel } from '../model/types.js';
import { createRenderContext, type PlannedOutput, type RenderOptions } from './context.js';
import { planCalendars } from './plan-calendars.js';
import { planPages } from './plan-pages.js';
import { planPhotos } from './photos.js';
import { planPublish } from './plan-publish.js';

export type { OutputFile, PlannedOutput, RenderOptions } from './context.js';

/** Every output of the site, planned but not yet rendered. Each planner adds one kind of output. */
export function planSite(model: SiteModel, options: RenderOptions): PlannedOutput[] {
  const ctx = createRenderContext(model, options);
  const planned = [...planPages(ctx), ...planCalendars(ctx), ...planPhotos(ctx, options.contentDir)];
  return [...planned, ...planPublish(ctx, planned)];
}
