import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { buildAt, type BuiltSite } from '../helpers/site.js';

/** The origin and base path of a project site on GitHub Pages, as the Pages workflow passes them. */
export const SITE_URL = 'https://example.github.io';
export const BASE_PATH = '/webinar-site/';
/** Where the site is served: origin plus base path. */
export const SITE_ROOT = `${SITE_URL}${BASE_PATH}`;

/** The real content built as a project site under /webinar-site/. */
export function buildProjectSite(now: string): Promise<BuiltSite> {
  return buildAt(now, { overrides: { basePath: BASE_PATH, siteUrl: SITE_URL } });
}

/** Every file the build wrote, relative to the output folder, forward slashes, sorted. */
export async function listOutput(out: string): Promise<string[]> {
  const entries = await readdir(out, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(out, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** The URL a file is served at: "webinar/index.html" → "https://example.github.io/webinar-site/webinar/". */
export function servedUrl(file: string): string {
  return SITE_ROOT + file.replace(/(^|\/)index\.html$/, '$1');
}

/** The output file a same-origin URL under the base path is answered with, or undefined outside it. */
export function fileFor(url: URL): string | undefined {
  if (!url.pathname.startsWith(BASE_PATH)) return undefined;
  const inside = decodeURIComponent(url.pathname.slice(BASE_PATH.length));
  return inside === '' || inside.endsWith('/') ? `${inside}index.html` : inside;
}
