import type { SiteModel } from '../model/types.js';
import { CALENDAR_ROUTES } from './calendar-event.js';
import { subscribeLinks } from './calendar-links.js';
import { createMarkdownRenderer, type MarkdownRenderer } from '../markdown.js';
import { createTemplateRenderer, markSafe, type TemplateRenderer } from './templates.js';
import { PUBLISH_ROUTES } from './publish-routes.js';
import { prefixRootLinks } from './root-links.js';
import { createViews, ROUTES, type Urls } from './views.js';
import { escapeHtml } from './escape.js';

/** One file of the built site. */
export interface OutputFile {
  /** Path inside the output folder, forward slashes: "webinar/index.html". */
  path: string;
  contents: string | Uint8Array;
}

/**
 * What an output depends on, so that a dev rebuild re-renders only what a change touches:
 * `global` outputs (webinar page, archive, feeds) depend on everything; a `session` output on
 * its session and talks; a `talk` output on its talk and its session.
 */
export type OutputScope =
  | { kind: 'global' }
  | { kind: 'session'; season: number }
  | { kind: 'talk'; season: number; slug: string };

/** An output the build knows how to produce, rendered only when asked. */
export interface PlannedOutput {
  path: string;
  scope: OutputScope;
  render(): string | Uint8Array;
}

/** Where templates live and how paths are displayed. */
export interface RenderOptions {
  templatesDir: string;
  /** The content folder, for files a render reads from it (speaker photos in static/). */
  contentDir: string;
  /** Paths in error messages are relative to this folder. */
  displayRoot: string;
  /** Rendered Markdown kept across dev rebuilds, by source text. */
  markdownMemo?: Map<string, string>;
  /**
   * Compiled templates kept across dev rebuilds; empty it when a template or the site config changes
   * (the filters read the config's URLs).
   */
  templateMemo?: { renderer?: TemplateRenderer };
}

/** Everything a planner needs: the model, URL helpers, views, templates and the template globals. */
export interface RenderContext {
  model: SiteModel;
  urls: Urls;
  views: ReturnType<typeof createViews>;
  markdown: MarkdownRenderer;
  templates: TemplateRenderer;
  /** Template globals describing the site, passed to every page as `site`. */
  site: ReturnType<typeof siteGlobals>;
}

/** Build the shared render context once per build. */
export function createRenderContext(model: SiteModel, options: RenderOptions): RenderContext {
  const markdown = prefixRootLinks(createMarkdownRenderer(options.markdownMemo), model.config.basePath);
  const views = createViews(model, markdown);
  const urls = views.urls;
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
    privacyUrl: model.pages.some((p) => p.permalink === '/privacy-notice/') ? urls.path('privacy-notice/') : undefined,
    webinarUrl: urls.path(ROUTES.webinar),
    archiveUrl: urls.path(ROUTES.archive),
    homeUrl: urls.path(ROUTES.home),
    stylesheetUrl: urls.path('assets/style.css'),
    feedUrl: urls.path(PUBLISH_ROUTES.feed),
    imageUrl: urls.absolute(PUBLISH_ROUTES.image),
    calendarFeed: subscribeLinks(urls.absolute(CALENDAR_ROUTES.feed), config.plainTitle),
  };
}

/**
 * "L👀king-Glass": the 👀 is decoration; screen readers read "Looking-Glass". The whole word is
 * swapped, not just the 👀: Chrome puts a space around visually hidden (absolutely positioned) text
 * in the accessibility tree, which would make "L oo king-Glass" of a hidden "oo" inside the word.
 */
export function decorativeEyes(text: string): string {
  return escapeHtml(text).replace(EYES_WORD, swapEyes);
}

/** A word: a run of characters other than white space (checked for a 👀 one by one: a pattern with the 👀 in it backtracks on long words, quadratically). */
const EYES_WORD = /\S+/gu;

function swapEyes(word: string): string {
  if (!word.includes('👀')) return word;
  return `<span aria-hidden="true">${word}</span><span class="visually-hidden">${word.replace(/👀/gu, 'oo')}</span>`;
}

/** `decorativeEyes` for rendered Markdown: the same swap in text between tags, never inside a tag. */
export function decorativeEyesInHtml(html: string): string {
  return html
    .split(/(<[^>]*>)/)
    .map((part) => (part.startsWith('<') ? part : part.replace(EYES_WORD, swapEyes)))
    .join('');
}

