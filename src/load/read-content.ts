import { access, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from '../problems.js';
import { SiteError } from '../problems.js';
import { splitFrontMatter } from './front-matter.js';
import { parseYaml, type ParsedYaml } from './yaml.js';

/** A YAML file (site config or session) before validation. */
export interface RawYamlFile {
  /** Display path, relative to the working directory. */
  file: string;
  yaml: ParsedYaml;
}

/** A Markdown file (talk or page) before validation. */
export interface RawMarkdownFile extends RawYamlFile {
  /** The Markdown body (a talk's abstract, a page's text). */
  body: string;
  /** 1-based line on which the body starts. */
  bodyLine: number;
}

/** Everything read from the content folder, unvalidated. */
export interface RawContent {
  /** `site.yaml`, if present. */
  site: RawYamlFile | undefined;
  /** Every `session.yaml` under `seasons/`. */
  sessions: RawYamlFile[];
  /** Every other `.md` under `seasons/`. */
  talks: RawMarkdownFile[];
  /** Every `.md` under `pages/`. */
  pages: RawMarkdownFile[];
  /** Files that could not be read as UTF-8 YAML or front matter. */
  problems: Problem[];
}

/** Where the pieces of the content folder live. */
export const CONTENT_LAYOUT = {
  siteFile: 'site.yaml',
  seasonsDir: 'seasons',
  sessionFile: 'session.yaml',
  pagesDir: 'pages',
} as const;

/** One file's read: the parsed file (undefined when unusable) and the problems found reading it. */
export interface FileRead {
  value: RawYamlFile | RawMarkdownFile | undefined;
  problems: Problem[];
}

/** Reads of unchanged files kept between dev rebuilds, by absolute path; delete an entry when its file changes. */
export type ReadCache = Map<string, FileRead>;

/** Read and parse every content file; problems are collected, never thrown. */
export async function readContent(contentDir: string, displayRoot: string, cache: ReadCache = new Map()): Promise<RawContent> {
  const display = (absolute: string) => path.relative(displayRoot, absolute).split(path.sep).join('/');
  const seasonFiles = await listFiles(path.join(contentDir, CONTENT_LAYOUT.seasonsDir));
  const pageFiles = (await listFiles(path.join(contentDir, CONTENT_LAYOUT.pagesDir))).filter((f) => f.endsWith('.md'));
  const sessionPaths = seasonFiles.filter((f) => path.basename(f) === CONTENT_LAYOUT.sessionFile);
  const talkPaths = seasonFiles.filter((f) => f.endsWith('.md'));
  const sitePath = path.join(contentDir, CONTENT_LAYOUT.siteFile);

  const cached = async (absolute: string, read: (absolute: string, file: string, problems: Problem[]) => Promise<FileRead['value']>) => {
    let entry = cache.get(absolute);
    if (!entry) {
      const problems: Problem[] = [];
      entry = { value: await read(absolute, display(absolute), problems), problems };
      cache.set(absolute, entry);
    }
    return entry;
  };
  const [site, sessions, talks, pages] = await Promise.all([
    fileExists(sitePath).then((exists) => (exists ? cached(sitePath, readYamlFile) : undefined)),
    Promise.all(sessionPaths.map((f) => cached(f, readYamlFile))),
    Promise.all(talkPaths.map((f) => cached(f, readMarkdownFile))),
    Promise.all(pageFiles.map((f) => cached(f, readMarkdownFile))),
  ]);
  const all = [site, ...sessions, ...talks, ...pages].filter((entry) => entry !== undefined);
  return {
    site: site?.value,
    sessions: defined(sessions.map((e) => e.value)),
    talks: defined(talks.map((e) => e.value)) as RawMarkdownFile[],
    pages: defined(pages.map((e) => e.value)) as RawMarkdownFile[],
    problems: all.flatMap((entry) => entry.problems),
  };
}

/** A YAML file (site config, session). */
async function readYamlFile(absolute: string, file: string, problems: Problem[]): Promise<RawYamlFile | undefined> {
  const text = await readUtf8(absolute, file, problems);
  if (text === undefined) return undefined;
  const yaml = parseYaml(text);
  reportSyntax(file, yaml, problems);
  return { file, yaml };
}

/** A Markdown file with front matter (talk, page). */
async function readMarkdownFile(absolute: string, file: string, problems: Problem[]): Promise<RawMarkdownFile | undefined> {
  const text = await readUtf8(absolute, file, problems);
  if (text === undefined) return undefined;
  const split = splitFrontMatter(text);
  if (!split.frontMatter) {
    problems.push({
      code: 'no-front-matter', severity: 'error', file, line: 1,
      message: 'the file has no front matter',
      hint: 'start the file with a line "---", then the YAML keys (title, speakers, …), then another "---" line',
    });
    return undefined;
  }
  reportSyntax(file, split.frontMatter, problems);
  return { file, yaml: split.frontMatter, body: split.body, bodyLine: split.bodyLine };
}

/** Decode strictly: bytes that are not UTF-8 are a problem, not replacement characters. A BOM is dropped. */
async function readUtf8(absolute: string, file: string, problems: Problem[]): Promise<string | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(absolute);
  } catch (cause) {
    throw new SiteError(`cannot read ${file}`, { cause });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const { line, offset } = firstInvalidUtf8(bytes);
    problems.push({
      code: 'not-utf8', severity: 'error', file, line,
      message: `the file is not valid UTF-8 (first bad byte at offset ${offset})`,
      hint: 'save the file as UTF-8 in your editor (often "Save with encoding" → UTF-8)',
    });
    return undefined;
  }
}

function firstInvalidUtf8(bytes: Buffer): { line: number; offset: number } {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  // Binary search for the shortest prefix that fails to decode.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid + 1), { stream: true });
      decoder.decode();
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  let line = 1;
  for (let i = 0; i < lo && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return { line, offset: lo };
}

function reportSyntax(file: string, yaml: ParsedYaml, problems: Problem[]): void {
  for (const error of yaml.errors) {
    problems.push({
      code: 'yaml-syntax', severity: 'error', file, line: error.line, column: error.column,
      message: `YAML syntax error: ${error.message}`,
      hint: 'check the indentation and quoting on this line; text containing ": " or starting with a quote needs quotes around it',
    });
  }
}

/** All files below a folder, sorted, so that the build is deterministic. Missing folder: none. */
async function listFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new SiteError(`cannot list ${dir}`, { cause });
  }
  return entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

async function fileExists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

function defined<T>(items: (T | undefined)[]): T[] {
  return items.filter((item): item is T => item !== undefined);
}
