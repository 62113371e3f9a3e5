import type { MarkdownRenderer } from '../markdown.js';
import type { Session, SiteModel } from '../model/types.js';
import type { CalendarEvent } from '../publish/calendar-events.js';
import { subscribeLinks } from '../publish/calendar-links.js';
import { ROUTES, type Urls } from '../routes.js';
import { decorativeEyes, decorativeEyesInHtml } from './eyes.js';
import { createTemplateRenderer, markSafe, type TemplateRenderer } from './templates.js';
import { createViews } from './views.js';

/** Where templates live and how paths are displayed. */
export interface RenderOptions {
  templatesDir: string;
  /** Paths in error messages are relative to this folder. */
  displayRoot: string;
  /**
   * Compiled templates kept across dev rebuilds; empty it when a template or the site config changes
   * (the filters read the config's URLs).
   */
  templateMemo?: { renderer?: TemplateRenderer };
}

/** Everything the page planner needs: the model, URL helpers, views, templates and the template globals. */
export interface RenderContext {
  model: SiteModel;
  urls: Urls;
  views: ReturnType<typeof createViews>;
  markdown: MarkdownRenderer;
  templates: TemplateRenderer;
  /** Template globals describing the site, passed to every page as `site`. */
  site: ReturnType<typeof siteGlobals>;
}

/** Build the render context once per build; compiling the templates happens here. */
export function createRenderContext(
  model: SiteModel,
  shared: { urls: Urls; markdown: MarkdownRenderer; events: ReadonlyMap<Session, CalendarEvent> },
  options: RenderOptions,
): RenderContext {
  const { urls, markdown } = shared;
  const views = createViews(model, { ...shared, html: markSafe });
  const templates = options.templateMemo?.renderer ?? createTemplateRenderer(
    options.templatesDir,
    {
      url: (relative: string) => urls.path(relative),
      absoluteUrl: (relative: string) => urls.absolute(relative),
      markdown: (text: string) => markSafe(markdown.block(text ?? '')),
      markdownInline: (text: string) => markSafe(markdown.inline(text ?? '')),
      eyes: (text: string) => markSafe(decorativeEyes(text)),
      eyesHtml: (html: unknown) => markSafe(decorativeEyesInHtml(String(html ?? ''))),
    },
    options.displayRoot,
  );
  if (options.templateMemo) options.templateMemo.renderer = templates;
  return { model, urls, views, markdown, templates, site: siteGlobals(model, urls) };
}

function siteGlobals(model: SiteModel, urls: Urls) {
  const { config } = model;
  return {
    title: config.title,
    plainTitle: config.plainTitle,
    description: config.description,
    playlist: config.playlist,
    organizers: config.organizers,
    funding: config.funding,
    newsletter: config.newsletter,
    privacyUrl: model.pages.some((p) => ROUTES.page(p.permalink) === ROUTES.privacyNotice) ? urls.path(ROUTES.privacyNotice) : undefined,
    webinarUrl: urls.path(ROUTES.webinar),
    archiveUrl: urls.path(ROUTES.archive),
    speakersUrl: urls.path(ROUTES.speakers),
    archiveSearchIndexUrl: urls.path(ROUTES.archiveSearchIndex),
    topicsUrl: urls.path(ROUTES.topics),
    homeUrl: urls.path(ROUTES.home),
    stylesheetUrl: urls.path(ROUTES.stylesheet),
    feedUrl: urls.path(ROUTES.feed),
    imageUrl: urls.absolute(ROUTES.seriesImage),
    calendarFeed: subscribeLinks(urls.absolute(ROUTES.calendarFeed), config.plainTitle),
  };
}
