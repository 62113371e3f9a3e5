/**
 * Where every output of the site lives: the one table of routes. A route is relative to the base path
 * ("webinar/s05/"); a route ending in "/" is written to its index.html. Pages, feeds, calendars, images,
 * the model's checks of paths, the dev server and the tests all take their paths and URLs from here.
 */

/** What a route is made from: a session's or a talk's URL segment. */
interface Slugged {
  slug: string;
}

/** Folder of the resized speaker photos. */
const PHOTO_DIR = 'assets/photos/';

export const ROUTES = {
  /** The redirect to the webinar page. */
  home: '',
  webinar: 'webinar/',
  archive: 'webinar_talks/',
  notFound: '404.html',
  session: (session: Slugged) => `webinar/${session.slug}/`,
  talk: (talk: Slugged) => `webinar/${talk.slug}/`,
  /** Everyone who spoke, and a page per speaker with all their talks. */
  speakers: 'speakers/',
  speaker: (speaker: Slugged) => `speakers/${speaker.slug}/`,
  /** Every topic, and a page per topic with its talks. */
  topics: 'topics/',
  topic: (topic: Slugged) => `topics/${topic.slug}/`,
  /** The words of each past talk, which the archive's search fetches at the first search. */
  archiveSearchIndex: 'webinar_talks/search-index.json',
  /** A past talk in the archive. */
  archiveEntry: (talk: Slugged) => `webinar_talks/#${talk.slug}`,
  /** A content page at its permalink ("/privacy-notice/"). */
  page: (permalink: string) => permalink.replace(/^\/+/, ''),
  privacyNotice: 'privacy-notice/',
  /** One calendar file per dated session, beside its page. */
  sessionCalendar: (session: Slugged) => `webinar/${session.slug}/${session.slug}.ics`,
  /** The series feed of every dated session, past and upcoming. */
  calendarFeed: 'webinar/calendar.ics',
  feed: 'webinar/feed.xml',
  schedule: 'webinar/talks.json',
  sitemap: 'sitemap.xml',
  robots: 'robots.txt',
  /** The series' share image, used by every page without one of its own. */
  seriesImage: 'assets/og-image.png',
  /** An upcoming session's share image, used by its page and its talks' pages. */
  sessionImage: (session: Slugged) => `webinar/${session.slug}/og-image.png`,
  /** "photos/ada-lovelace.jpg" at 112 pixels → "assets/photos/photos-ada-lovelace-112.png". */
  photo: (photo: string, pixels: number) => `${PHOTO_DIR}${photo.replace(/\.[^./]+$/, '').replace(/[^A-Za-z0-9_-]+/g, '-')}-${pixels}.png`,
  /** Where templates/assets/ is copied. */
  assets: 'assets/',
  stylesheet: 'assets/style.css',
} as const;

/** Pages the site writes but does not list (in the sitemap): the not-found page and the redirect. */
export const UNLISTED_ROUTES: readonly string[] = [ROUTES.home, ROUTES.notFound];

/** Pages of the site itself, which a content page or a talk must not take. */
export const SITE_ROUTES: readonly string[] = [ROUTES.home, ROUTES.webinar, ROUTES.archive, ROUTES.speakers, ROUTES.topics, ROUTES.notFound];

/** The file a route is written to: "webinar/" → "webinar/index.html", "" → "index.html". */
export function fileOfRoute(route: string): string {
  return route === '' || route.endsWith('/') ? `${route}index.html` : route;
}

/** The route a file is served at: "webinar/index.html" → "webinar/". */
export function routeOfFile(file: string): string {
  return file.replace(/(^|\/)index\.html$/, '$1');
}

/** Site-relative and absolute URLs under the base path. */
export interface Urls {
  /** "/repo/webinar/" for "webinar/". */
  path(route: string): string;
  /** "https://owner.github.io/repo/webinar/". */
  absolute(route: string): string;
}

/** URL helpers for an origin ("https://owner.github.io") and a base path ("/repo/"). */
export function createUrls(site: { siteUrl: string; basePath: string }): Urls {
  const path = (route: string) => site.basePath + route.replace(/^\/+/, '');
  return { path, absolute: (route) => site.siteUrl + path(route) };
}
