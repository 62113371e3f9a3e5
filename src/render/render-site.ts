import type { SiteModel } from '../model/types.js';
import { createMarkdownRenderer } from './markdown.js';
import { createTemplateRenderer, markSafe } from './templates.js';
import { createViews, ROUTES } from './views.js';

/** One file of the built site. */
export interface OutputFile {
  /** Path inside the output folder, forward slashes: "webinar/index.html". */
  path: string;
  contents: string | Uint8Array;
}

/** Where templates live and how paths are displayed. */
export interface RenderOptions {
  templatesDir: string;
  /** Paths in error messages are relative to this folder. */
  displayRoot: string;
}

/** Render every page of the site through the Nunjucks templates. */
export function renderSite(model: SiteModel, options: RenderOptions): OutputFile[] {
  const markdown = createMarkdownRenderer();
  const views = createViews(model, markdown);
  const { urls, config } = { urls: views.urls, config: model.config };
  const templates = createTemplateRenderer(
    options.templatesDir,
    {
      url: (relative: string) => urls.path(relative),
      absoluteUrl: (relative: string) => urls.absolute(relative),
      markdown: (text: string) => markSafe(markdown.block(text ?? '')),
      markdownInline: (text: string) => markSafe(markdown.inline(text ?? '')),
      eyes: (text: string) => markSafe(decorativeEyes(text)),
    },
    options.displayRoot,
  );

  const sessions = model.sessions.map(views.session);
  const upcoming = model.upcoming.map(views.session);
  const past = model.past.map(views.session);
  const site = {
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
  };
  const page = (path: string, template: string, context: Record<string, unknown>): OutputFile => ({
    path: `${path}index.html`.replace(/^\//, ''),
    contents: templates.render(template, { site, canonical: urls.absolute(path), ...context }),
  });

  const files: OutputFile[] = [
    page(ROUTES.webinar, 'webinar.njk', { next: upcoming[0], later: upcoming.slice(1), past, pageTitle: 'Webinar' }),
    page(ROUTES.archive, 'archive.njk', { past, pageTitle: 'Previous talks' }),
    {
      path: 'index.html',
      contents: templates.render('redirect.njk', { site, target: urls.path(ROUTES.webinar), canonical: urls.absolute(ROUTES.webinar) }),
    },
    { path: '404.html', contents: templates.render('404.njk', { site, pageTitle: 'Page not found', canonical: urls.absolute('404.html') }) },
  ];
  sessions.forEach((session, i) => {
    files.push(
      page(ROUTES.session(session), 'session.njk', {
        session,
        previous: sessions[i - 1],
        next: sessions[i + 1],
        pageTitle: `${session.code}${session.topic ? `: ${session.topic}` : ''}`,
      }),
    );
    for (const talk of session.talks) {
      files.push(page(ROUTES.talk(talk), 'talk.njk', { session, talk, pageTitle: `${talk.code}: ${talk.title}` }));
    }
  });
  for (const contentPage of model.pages) {
    files.push(
      page(contentPage.permalink, 'page.njk', {
        pageTitle: contentPage.title,
        description: contentPage.description,
        bodyHtml: markSafe(markdown.block(contentPage.body)),
      }),
    );
  }
  return files;
}

/** "L👀king-Glass": the 👀 is decoration; screen readers read "Looking-Glass". */
export function decorativeEyes(text: string): string {
  return escapeHtml(text).replace(/👀/gu, '<span aria-hidden="true">👀</span><span class="visually-hidden">oo</span>');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
