import { sessionLabel } from '../model/names.js';
import type { Session, SiteModel } from '../model/types.js';
import { whenOf } from '../model/when.js';
import { GLOBAL, type OutputScope, type PlannedOutput } from '../outputs.js';
import type { Problem } from '../problems.js';
import { ROUTES, type Urls } from '../routes.js';
import { eventStart } from './calendar-events.js';
import { scheduleChangedAt, sessionChangedAt } from './content-dates.js';
import type { PublishContext } from './context.js';
import { renderAtomFeed } from './feed.js';
import { buildCalendar } from './ics.js';
import { planPhotos } from './photos.js';
import { renderPng } from './png.js';
import { renderScheduleJson } from './schedule-json.js';
import { renderSearchIndex } from './search-index.js';
import { ogImageSvg } from './share-images.js';
import { renderRobots, renderSitemap } from './sitemap.js';

/**
 * The outputs for machines and for sharing: calendar files, the Atom feed, the schedule as JSON, the
 * archive's search index, share images, speaker photos, the sitemap and robots.txt.
 */
export function planPublish(ctx: PublishContext): { outputs: PlannedOutput[]; problems: Problem[] } {
  const { model, urls, events } = ctx;
  const host = new URL(model.config.siteUrl).host;
  const sessionScope = (session: Session): OutputScope => ({ kind: 'session', season: session.season });
  const productId = `-//${new URL(model.config.siteUrl).hostname}//${model.config.plainTitle}//EN`;
  const eventsOf = (sessions: readonly Session[]) => sessions.flatMap((s) => events.get(s) ?? []);
  const photos = planPhotos(model, ctx.contentDir);

  const outputs: PlannedOutput[] = [
    ...model.sessions.filter(eventStart).map((session) => ({
      path: ROUTES.sessionCalendar(session),
      scope: sessionScope(session),
      render: () => buildCalendar({ productId, events: eventsOf([session]) }),
    })),
    {
      path: ROUTES.calendarFeed,
      scope: GLOBAL,
      // Past, cancelled and postponed sessions stay in the feed: nothing silently disappears.
      render: () => buildCalendar({ productId, name: model.config.plainTitle, events: eventsOf(model.sessions) }),
    },
    ...photos.outputs,
    { path: ROUTES.feed, scope: GLOBAL, render: () => renderAtomFeed(ctx) },
    { path: ROUTES.schedule, scope: GLOBAL, render: () => renderScheduleJson(model, urls, events) },
    { path: ROUTES.archiveSearchIndex, scope: GLOBAL, render: () => renderSearchIndex(model) },
    {
      path: ROUTES.seriesImage,
      scope: GLOBAL,
      render: () => renderPng(ogImageSvg({ heading: 'Online talks on the data aspects of learning-based methods', host })),
    },
    // Rendering a PNG takes tens of milliseconds: only upcoming sessions, the ones being shared, get their own.
    ...model.upcoming.map((session): PlannedOutput => ({
      path: ROUTES.sessionImage(session),
      scope: sessionScope(session),
      render: () => renderPng(ogImageSvg({ heading: sessionLabel(session, ' · '), when: whenOf(session)?.text ?? 'Date to be announced', host })),
    })),
    { path: ROUTES.robots, scope: GLOBAL, render: () => renderRobots(urls.absolute(ROUTES.sitemap)) },
    { path: ROUTES.sitemap, scope: GLOBAL, render: () => renderSitemap(sitemapEntries(model, urls)) },
  ];
  return { outputs, problems: photos.problems };
}

/**
 * Every page meant to be found, in the order of the site: the webinar page, the archive, each session
 * with its talks, the content pages. A page's `lastmod` is when what it shows last changed.
 */
function sitemapEntries(model: SiteModel, urls: Urls) {
  const site = scheduleChangedAt(model);
  const entry = (route: string, lastmod = site) => ({ loc: urls.absolute(route), lastmod });
  return [
    entry(ROUTES.webinar),
    entry(ROUTES.archive),
    ...model.sessions.flatMap((session) => {
      const changed = sessionChangedAt(session, model);
      return [entry(ROUTES.session(session), changed), ...session.talks.map((talk) => entry(ROUTES.talk(talk), changed))];
    }),
    entry(ROUTES.speakers),
    ...model.speakers.map((speaker) => entry(ROUTES.speaker(speaker))),
    entry(ROUTES.topics),
    ...model.topics.map((topic) => entry(ROUTES.topic(topic))),
    ...model.pages.map((page) => entry(ROUTES.page(page.permalink))),
  ];
}
