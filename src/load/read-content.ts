import { stat } from 'node:fs/promises';
import path from 'node:path';
import { problem, type Problem, SiteError } from '../problems.js';
import { listFilesBelow } from '../list-files.js';
import { splitFrontMatter } from './front-matter.js';
import { readText } from './read-text.js';
import { describeYamlSyntax } from './yaml-problems.js';
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
  /** Paths of the regular files in `static/`, relative to it with forward slashes ("photos/reinke.jpg"). */
  staticFiles: string[];
  /** Missing or unexpected files, and files that could not be read as UTF-8 YAML or front matter. */
  problems: Problem[];
}

/** Where the pieces of the content folder live. */
export const CONTENT_LAYOUT = {
  siteFile: 'site.yaml',
  seasonsDir: 'seasons',
  sessionFile: 'session.yaml',
  pagesDir: 'pages',
  staticDir: 'static',
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
  const display = (absolute: string) => path.relative(displayRoot, absolute).split(path.sep).join('/') || '.';
  if (!(await isDirectory(contentDir))) {
    return { site: undefined, sessions: [], talks: [], pages: [], staticFiles: [], problems: [missingContentDir(display(contentDir))] };
  }
  const files = classifyContentFiles(contentDir, await listFiles(contentDir));

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
    files.site ? cached(files.site, readYamlFile) : undefined,
    Promise.all(files.sessions.map((f) => cached(f, readYamlFile))),
    Promise.all(files.talks.map((f) => cached(f, readMarkdownFile))),
    Promise.all(files.pages.map((f) => cached(f, readMarkdownFile))),
  ]);
  const all = [site, ...sessions, ...talks, ...pages].filter((entry) => entry !== undefined);
  const structural = files.unexpected.map((f) => unexpectedFile(display(f), path.relative(contentDir, f)));
  if (!files.site) structural.push(missingSiteFile(display(path.join(contentDir, CONTENT_LAYOUT.siteFile))));
  return {
    site: site?.value,
    sessions: defined(sessions.map((e) => e.value)),
    talks: defined(talks.map((e) => e.value)) as RawMarkdownFile[],
    pages: defined(pages.map((e) => e.value)) as RawMarkdownFile[],
    staticFiles: files.static,
    problems: [...structural, ...all.flatMap((entry) => entry.problems)],
  };
}

/** Absolute paths of the content files by role; `static/` is copied as it is and only listed here. */
function classifyContentFiles(contentDir: string, files: string[]) {
  const sorted = { site: undefined as string | undefined, sessions: [] as string[], talks: [] as string[], pages: [] as string[], static: [] as string[], unexpected: [] as string[] };
  for (const file of files) {
    const [top, ...rest] = path.relative(contentDir, file).split(path.sep);
    const name = path.basename(file);
    if (top === CONTENT_LAYOUT.staticDir && rest.length > 0) {
      sorted.static.push(rest.join('/'));
      continue;
    }
    if (top === CONTENT_LAYOUT.siteFile && rest.length === 0) sorted.site = file;
    else if (top === CONTENT_LAYOUT.seasonsDir && name === CONTENT_LAYOUT.sessionFile) sorted.sessions.push(file);
    else if (top === CONTENT_LAYOUT.seasonsDir && name.endsWith('.md')) sorted.talks.push(file);
    else if (top === CONTENT_LAYOUT.pagesDir && name.endsWith('.md')) sorted.pages.push(file);
    else sorted.unexpected.push(file);
    // A misnamed session or talk file is still read as what it evidently is, so that the one
    // message is "rename it", not also "season 5 has no session file".
    if (top === CONTENT_LAYOUT.seasonsDir && /\.ya?ml$/i.test(name) && name !== CONTENT_LAYOUT.sessionFile) sorted.sessions.push(file);
    if (top === CONTENT_LAYOUT.seasonsDir && MARKDOWN_NEAR_MISS.test(name)) sorted.talks.push(file);
  }
  return sorted;
}

/** A YAML file (site config, session). */
async function readYamlFile(absolute: string, file: string, problems: Problem[]): Promise<RawYamlFile | undefined> {
  const text = await readText(absolute, file, problems);
  if (text === undefined) return undefined;
  const yaml = parseYaml(text);
  const syntax = describeYamlSyntax(file, yaml, text);
  if (syntax) problems.push(syntax);
  return { file, yaml };
}

/** A Markdown file with front matter (talk, page). */
async function readMarkdownFile(absolute: string, file: string, problems: Problem[]): Promise<RawMarkdownFile | undefined> {
  const text = await readText(absolute, file, problems);
  if (text === undefined) return undefined;
  const split = splitFrontMatter(text);
  if (!split.frontMatter) {
    problems.push(
      split.missing === 'unclosed'
        ? problem('no-front-matter', { file, line: 1 }, 'the front matter opened on line 1 is never closed', 'add a line "---" after the last key, before the abstract')
        : problem(
            'no-front-matter', { file, line: 1 },
            'the file has no front matter',
            'the very first line must be "---", then the keys (season, title, speakers, …), then another "---" line, then the text',
          ),
    );
    return undefined;
  }
  const syntax = describeYamlSyntax(file, split.frontMatter, text);
  if (syntax) problems.push(syntax);
  return { file, yaml: split.frontMatter, body: split.body, bodyLine: split.bodyLine };
}

function missingContentDir(file: string): Problem {
  return problem('missing-file', { file }, 'the content folder does not exist', 'run the command from the repository root, or give the folder with --content DIR');
}

function missingSiteFile(file: string): Problem {
  return problem('missing-file', { file }, 'the site config file is missing', 'create it with at least title, description and url (see docs/content.md)');
}

/** Names of files meant as Markdown: "talk.markdown", "talk.MD", "talk.md.txt". */
const MARKDOWN_NEAR_MISS = /\.(markdown|mdown|mkd|MD|Md|md\.txt)$/;

/** A file the build would skip without a word: most often a misnamed talk or session file. */
function unexpectedFile(file: string, relative: string): Problem {
  const name = path.basename(relative);
  const inSeasons = relative.startsWith(CONTENT_LAYOUT.seasonsDir + path.sep);
  let hint = `the build reads only site.yaml, seasons/*/session.yaml, seasons/*/*.md and pages/*.md; files served as they are (images, CNAME) go in ${CONTENT_LAYOUT.staticDir}/`;
  if (/\.ya?ml$/i.test(name) && inSeasons) hint = `a session file must be named ${CONTENT_LAYOUT.sessionFile}; rename it`;
  else if (/\.ya?ml$/i.test(name) && !relative.includes(path.sep)) hint = `the site config must be named ${CONTENT_LAYOUT.siteFile}; rename it`;
  else if (MARKDOWN_NEAR_MISS.test(name)) hint = 'rename it to end in .md';
  return problem('unexpected-file', { file }, 'the build does not read this file', hint);
}

/** All files below a folder, sorted, so that the build is deterministic. Missing folder: none. */
async function listFiles(dir: string): Promise<string[]> {
  let files;
  try {
    files = await listFilesBelow(dir);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new SiteError(`cannot list ${dir}`, { cause });
  }
  return files.filter((file) => !path.basename(file).startsWith('.')).sort();
}

async function isDirectory(dir: string): Promise<boolean> {
  return stat(dir).then((s) => s.isDirectory(), () => false);
}

function defined<T>(items: (T | undefined)[]): T[] {
  return items.filter((item): item is T => item !== undefined);
}
