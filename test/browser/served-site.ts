import { buildAt, type BuiltSite } from '../helpers/site.js';
import { listOutput } from '../publish/published-site.js';
import { serveStatic, type StaticServer } from './static-server.js';

/** The two days the browser tests look at: S05 next with a date and registration; S10 next, date to be announced. */
export const NOWS = { s05: '2024-03-20T12:00:00+01:00', s10: '2026-11-27T12:00:00+01:00' } as const;

/** The real site built at a `now` and served over HTTP, with the URL of every page. */
export interface ServedSite {
  site: BuiltSite;
  server: StaticServer;
  /** Every HTML page as a URL path ("/webinar/", "/404.html"), except the redirect at "/". */
  pages: string[];
  /** Absolute URL of a path on the server. */
  url(path: string): string;
  close(): Promise<void>;
}

/** Build the real content at `now` into a temp folder and serve it on 127.0.0.1. */
export async function serveSiteAt(now: string): Promise<ServedSite> {
  const site = await buildAt(now);
  if (!site.result.ok) throw new Error(`the site did not build at ${now}`);
  const server = await serveStatic(site.out);
  const pages = (await listOutput(site.out))
    .filter((file) => file.endsWith('.html') && file !== 'index.html')
    .map((file) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`);
  return {
    site,
    server,
    pages,
    url: (path) => server.origin + path,
    close: async () => {
      await server.close();
      await site.cleanup();
    },
  };
}
