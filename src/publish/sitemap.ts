import { isoUtc, type Instant } from '../time.js';
import { escapeXml } from '../escape.js';

/** One page of the sitemap. */
export interface SitemapEntry {
  /** Absolute URL of the page. */
  loc: string;
  /** When its content last changed; omitted when the content does not say. */
  lastmod: Instant | undefined;
}

/** A sitemap (https://www.sitemaps.org/protocol.html), entries in the order given. */
export function renderSitemap(entries: readonly SitemapEntry[]): string {
  const urls = entries.map((entry) => {
    const lastmod = entry.lastmod ? `<lastmod>${isoUtc(entry.lastmod)}</lastmod>` : '';
    return `  <url><loc>${escapeXml(entry.loc)}</loc>${lastmod}</url>`;
  });
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...urls, '</urlset>', ''].join('\n');
}

/**
 * robots.txt disallowing nothing and naming the sitemap by its absolute URL. Crawlers read it only at
 * the root of a host, so under a project site's base path it is a harmless copy; the sitemap is
 * submitted to search engines by URL then.
 */
export function renderRobots(sitemapUrl: string): string {
  return `User-agent: *\nDisallow:\n\nSitemap: ${sitemapUrl}\n`;
}

