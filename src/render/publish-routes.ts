import type { Session } from '../model/types.js';

/** Where the published extras live, relative to the base path. */
export const PUBLISH_ROUTES = {
  feed: 'webinar/feed.xml',
  schedule: 'webinar/talks.json',
  sitemap: 'sitemap.xml',
  robots: 'robots.txt',
  /** The series' share image, used by every page without one of its own. */
  image: 'assets/og-image.png',
  /** A session's share image, used by its page and its talks' pages. */
  sessionImage: (session: Pick<Session, 'slug'>) => `webinar/${session.slug}/og-image.png`,
} as const;
