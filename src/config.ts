import type { SiteConfigData } from './validate/schema.js';

/** The site config with every default filled in, as templates and renderers see it. */
export interface SiteConfig {
  /** Series title, may contain the 👀. */
  title: string;
  /** The title with the 👀 read as "oo", for calendars, feeds and screen readers. */
  plainTitle: string;
  /** Markdown description of the series. */
  description: string;
  /** Origin, e.g. https://medical-datasets.github.io (no trailing slash). */
  siteUrl: string;
  /** Path prefix, "/" or "/repo/". */
  basePath: string;
  /** YouTube playlist. */
  playlist: string | undefined;
  /** Organizers in credit order. */
  organizers: { name: string; website?: string; affiliation?: string }[];
  /** Funding line, Markdown. */
  funding: string | undefined;
  /** Newsletter sign-up. */
  newsletter: { form: string; text?: string } | undefined;
  /** Session length in minutes when a session does not say. */
  defaultDuration: number;
}

/** Values the command line may override. */
export interface ConfigOverrides {
  /** `--base-path`. */
  basePath?: string;
  /** `--site-url`. */
  siteUrl?: string;
}

/** Defaults for what site.yaml may leave out. */
export const CONFIG_DEFAULTS = { basePath: '/', defaultDuration: 90 } satisfies Partial<SiteConfig>;

/** Fill in defaults and command-line overrides. */
export function resolveSiteConfig(data: SiteConfigData, overrides: ConfigOverrides = {}): SiteConfig {
  const url = new URL(overrides.siteUrl ?? data.url);
  const basePath = normaliseBasePath(overrides.basePath ?? data.base_path ?? (url.pathname !== '/' ? url.pathname : CONFIG_DEFAULTS.basePath));
  return {
    title: data.title,
    plainTitle: data.title.replace(/👀/gu, 'oo'),
    description: data.description,
    siteUrl: url.origin,
    basePath,
    playlist: data.playlist,
    organizers: data.organizers ?? [],
    funding: data.funding,
    newsletter: data.newsletter,
    defaultDuration: data.default_duration ?? CONFIG_DEFAULTS.defaultDuration,
  };
}

/** "/repo" → "/repo/", "" → "/". */
export function normaliseBasePath(path: string): string {
  const trimmed = path.trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}
