import type { Session } from '../model/types.js';
import { scheduleChangedAt, sessionChangedAt } from './content-dates.js';
import type { OutputScope, PlannedOutput, RenderContext } from './context.js';
import { renderAtomFeed } from './feed.js';
import { ogImageSvg, renderPng } from './og-image.js';
import { PUBLISH_ROUTES } from './publish-routes.js';
import { renderScheduleJson } from './schedule-json.js';
import { renderRobots, renderSitemap } from './sitemap.js';

const GLOBAL = { kind: 'global' } as const;

/** Pages written but not meant to be found: the not-found page and the redirect at the root. */
export const UNLISTED_PAGES: readonly string[] = ['404.html', 'index.html'];

/**
 * What publishing adds to the pages: the Atom feed, the schedule as JSON, share images, and a
 * sitemap of the HTML pages among `planned` (the other planners' outputs) with robots.txt.
 */
export function planPublish(ctx: RenderContext, planned: readonly PlannedOutput[]): PlannedOutput[] {
  const { model, urls } = ctx;
  const host = new URL(model.config.siteUrl).host;
  const outputs: PlannedOutput[] = [
    { path: PUBLISH_ROUTES.feed, scope: GLOBAL, render: () => renderAtomFeed(ctx) },
    { path: PUBLISH_ROUTES.schedule, scope: GLOBAL, render: () => renderScheduleJson(model, urls) },
    {
      path: PUBLISH_ROUTES.image,
      scope: GLOBAL,
      render: () => renderPng(ogImageSvg({ heading: 'Online talks on the data aspects of learning-based methods', host })),
    },
    // Rendering a PNG takes tens of milliseconds: only upcoming sessions, the ones being shared, get their own.
    ...model.upcoming.map((session): PlannedOutput => ({
      path: PUBLISH_ROUTES.sessionImage(session),
      scope: { kind: 'session', season: session.season },
      render: () => {
        const view = ctx.views.session(session);
        const heading = `${view.code}${view.topic ? ` · ${view.topic}` : ''}`;
        return renderPng(ogImageSvg({ heading, when: view.when?.text ?? 'Date to be announced', host }));
      },
    })),
    { path: PUBLISH_ROUTES.robots, scope: GLOBAL, render: () => renderRobots(urls.absolute(PUBLISH_ROUTES.sitemap)) },
  ];
  const bySeason = new Map<number, Session>(model.sessions.map((s) => [s.season, s]));
  const pages = planned.filter((output) => output.path.endsWith('.html') && !UNLISTED_PAGES.includes(output.path));
  outputs.push({
    path: PUBLISH_ROUTES.sitemap,
    scope: GLOBAL,
    render: () => renderSitemap(pages.map((page) => ({ loc: urls.absolute(pageRoute(page.path)), lastmod: lastChanged(page.scope) }))),
  });
  return outputs;

  function lastChanged(scope: OutputScope) {
    const session = scope.kind === 'global' ? undefined : bySeason.get(scope.season);
    return session ? sessionChangedAt(session, model) : scheduleChangedAt(model);
  }
}

/** "webinar/index.html" → "webinar/": the URL a page is linked by. */
export function pageRoute(path: string): string {
  return path.replace(/(^|\/)index\.html$/, '$1');
}
