import { findImages } from '../markdown.js';
import type { KeyPath } from '../load/yaml.js';
import { problem, type Problem, type ProblemCode } from '../problems.js';

/** Where a piece of Markdown sits, for problems about it. */
export interface MarkdownPlace {
  file: string;
  /** How the text is named in messages: "the abstract", "\"bio\" of speaker 1". */
  what: string;
  /**
   * File line of the text's first line (a body), or of its key (a YAML value): asked for only when there
   * is a problem to report (a YAML value's line takes a second parse of its file, with positions).
   */
  line: () => number;
  /** True for a body, whose lines are the file's: an image's line is counted from `line`. */
  body: boolean;
}

/**
 * Images in Markdown are the site's own files, in content/static/: a page may load nothing from
 * another site (its CSP would refuse it, and a feed reader would fetch it: a tracking pixel). A link to
 * another site is fine; an image of one is `external-embed`, an image that is not in static/ `missing-file`.
 */
export function checkMarkdownImages(markdown: string, place: MarkdownPlace, staticFiles: ReadonlySet<string>, problems: Problem[]): void {
  for (const image of findImages(markdown)) {
    const report = (code: ProblemCode, message: string, hint: string) =>
      problems.push(problem(code, { file: place.file, line: place.body ? place.line() + image.line : place.line() }, message, hint));
    const file = staticFileOf(image.src);
    if (file === undefined) {
      report(
        'external-embed',
        `${place.what} shows an image from another site: ${image.src.slice(0, 80)}`,
        'put the image in content/static/ (e.g. content/static/images/figure.png) and write ![description](/images/figure.png); a link to the other site, [text](https://…), is fine',
      );
    } else if (file === null) {
      report('unsafe-path', `${place.what} shows an image outside the site's folder: ${image.src}`, 'write the image path from the site root, e.g. /images/figure.png for content/static/images/figure.png');
    } else if (!staticFiles.has(file)) {
      report('missing-file', `${place.what} shows the image /${file}, which is not in content/static/`, `add the file as content/static/${file}, or correct the path`);
    }
  }
}

/**
 * The static file an image address names ("/images/a.png" or "images/a.png" → "images/a.png");
 * undefined for an address of another site (a scheme, "//host", a data: URL), null for one that leaves
 * the folder.
 */
export function staticFileOf(src: string): string | undefined | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(src.replace(/[?#].*$/, '')).replace(/^\/+/, '');
  } catch {
    return null;
  }
  const segments = path.split('/');
  return path === '' || segments.includes('..') || path.includes('\\') ? null : segments.filter((s) => s !== '.' && s !== '').join('/');
}

/** A speaker photo names a regular file of content/static/ (`missing-file` otherwise, at its key). */
export function checkPhoto(photo: string, place: { file: string; lineOf: (path: KeyPath) => number | undefined }, path: KeyPath, staticFiles: ReadonlySet<string>, problems: Problem[]): boolean {
  if (staticFiles.has(photo)) return true;
  problems.push(problem(
    'missing-file', { file: place.file, line: place.lineOf(path) },
    `the speaker photo "${photo}" is not in content/static/`,
    `add the file as content/static/${photo} (a .jpg or .png file, not a link to one), or correct the path`,
  ));
  return false;
}
