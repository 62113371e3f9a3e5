/**
 * Problems are mistakes in a user's files: collected across all files, reported together, never thrown.
 * Anything else (a bug, a disk error) is a SiteError with a cause chain.
 */

/**
 * Every problem code: permanent (never rename one, only add: tests, scripts and docs refer to them),
 * with its severity, what it means and a typical message. docs/problems.md is generated from this
 * (`npm run docs`).
 */
export const PROBLEM_CATALOGUE = {
  'yaml-syntax': {
    severity: 'error', means: 'The YAML of a file (a talk\'s front matter, session.yaml, site.yaml) does not parse. Only the first YAML error of a file is shown: the rest usually follow from it.',
    example: 'talk.md:4: YAML syntax error: the value of "title" contains ": ", which YAML reads as the start of another key',
  },
  'no-front-matter': {
    severity: 'error', means: 'A Markdown file does not start with front matter between two `---` lines, or the front matter is never closed.',
    example: 'talk.md:1: the file has no front matter',
  },
  'missing-field': {
    severity: 'error', means: 'A required key is missing or empty, or a key that another one needs (a dated session needs a `start`).',
    example: 'session.yaml:4: "start" is missing, but the session has a "timezone"',
  },
  'wrong-type': {
    severity: 'error', means: 'A key has a value of the wrong kind: text where a list belongs, a number in quotes, a status that is not one of the allowed ones.',
    example: 'talk.md:5: "speakers" must be a list, not the text "Hubert Dariusz Zając"',
  },
  'unknown-key': {
    severity: 'error', means: 'A key the file may not have: usually a misspelt one (the message suggests the nearest allowed key), or a session fact such as `start` in a talk file.',
    example: 'talk.md:5: unknown key "speker" (did you mean "speakers"?)',
  },
  'bad-datetime': {
    severity: 'error', means: 'A `start` or `previous_start` that is not a date and time as "2024-03-25 16:00", a date without a time, or an offset that disagrees with the zone on that date.',
    example: 'session.yaml:3: "start" is not a date and time: "25 March 2024, 16:00"',
  },
  'time-without-zone': {
    severity: 'error', means: 'A session has a `start` but no `timezone`; an offset alone cannot tell winter from summer time.',
    example: 'session.yaml:3: "start" has no time zone',
  },
  'unknown-timezone': {
    severity: 'error', means: 'The `timezone` is not an IANA zone name; abbreviations such as CET are refused too.',
    example: 'session.yaml:4: "Europe/Copenhagn" is not an IANA time zone (did you mean "Europe/Copenhagen"?)',
  },
  'bad-url': {
    severity: 'error', means: 'A link that is not a full https:// (or http://) web address.',
    example: 'talk.md:10: "website" of speaker 1: "javascript:alert(1)" is not a web address',
  },
  'duplicate-episode': {
    severity: 'error', means: 'Two talk files have the same season and episode number.',
    example: 's05e04-x.md:3: S05E03 is already used by content/seasons/s05/s05e03-bissoto-avila.md',
  },
  'duplicate-slot': {
    severity: 'error', means: 'Two talks of a session claim the same place in its running order.',
    example: 's05e04-x.md:4: slot 1 of S05 is already taken by content/seasons/s05/s05e01-zajac-avlona.md',
  },
  'unknown-session': {
    severity: 'error', means: 'A talk names a season that has no session.yaml.',
    example: 'talk.md:2: season 12 has no session file',
  },
  'duplicate-session': {
    severity: 'error', means: 'Two session files define the same season.',
    example: 's06/session.yaml:1: season 5 is already defined in content/seasons/s05/session.yaml',
  },
  'output-collision': {
    severity: 'error', means: 'Two things would be written to the same place of the site: a page\'s permalink on another page, two unnumbered talks with the same speakers, a static file on a page\'s path.',
    example: 'pages/about.md:3: permalink /webinar/s05/ is also written by content/seasons/s05/session.yaml',
  },
  'empty-abstract': {
    severity: 'error', means: 'A talk file has nothing after its front matter.',
    example: 'talk.md:15: the talk has no abstract',
  },
  mojibake: {
    severity: 'error', means: 'Text that was encoded twice (UTF-8 read as Windows-1252), such as "Ã©" for "é"; the hint gives the repaired text.',
    example: 'site.yaml:6: "name" of organizer 1 looks double-encoded: "Amelia JimÃ©nez-SÃ¡nchez"',
  },
  'not-utf8': {
    severity: 'error', means: 'A file is not UTF-8; the message names the first bad byte and what it would be in Windows-1252.',
    example: 'talk.md:9:16: the file is not UTF-8: byte 0xF8 (in Windows-1252 it is "ø") is not valid here',
  },
  'template-error': {
    severity: 'error', means: 'A template does not compile, uses an unknown filter, or fails while rendering a page; reported in the template file and line it is in, once however many pages it breaks.',
    example: 'templates/_macros.njk:12: template error: {% if %} is never closed with {% endif %}',
  },
  'past-talk-without-recording': {
    severity: 'warning', means: 'A talk has taken place and has no `recording` yet.',
    example: 'talk.md:4: S05E02 has taken place but has no recording',
  },
  'speaker-without-affiliation': {
    severity: 'warning', means: 'A speaker has no `affiliation`.',
    example: 'talk.md:6: speaker "Annika Reinke" has no affiliation',
  },
  'speaker-spelling': {
    severity: 'warning', means: 'One speaker\'s name is spelt two ways in two talks (they are one person, on one page, whose name should read the same everywhere).',
    example: 'talk.md:6: speaker "Hubert Zajac" is written "Hubert Zając" in content/seasons/s09/s09e01-zajac.md: one person, two spellings',
  },
  'topic-spelling': {
    severity: 'warning', means: 'A topic spelt otherwise than other talks spell it, or a topic no other talk has that is a near-miss of one they have.',
    example: 'talk.md:9: topic "segmentaton" is on no other talk (did you mean "segmentation"?)',
  },
  'missing-file': {
    severity: 'error', means: 'A file or folder the build needs is not there: site.yaml, the `--content` or `--templates` folder, a speaker photo or a Markdown image not in content/static/.',
    example: 'content/site.yaml: the site config file is missing',
  },
  'unexpected-file': {
    severity: 'error', means: 'A file the build does not read, where it would be expected to (session.yml for session.yaml, a file outside the content layout other than in static/).',
    example: 'content/seasons/s05/session.yml: the build does not read this file',
  },
  'stray-output-file': {
    severity: 'error', means: 'The output folder holds a file no build wrote (a CNAME put there by hand); replacing the folder would delete it, so nothing is written. Put such files in content/static/.',
    example: 'public/CNAME: this file was not written by the build, and replacing the folder would delete it',
  },
  'bad-character': {
    severity: 'error', means: 'Text holds a character no output may carry: a control character (but tab and newline), an unpaired surrogate or a noncharacter.',
    example: 'talk.md:4: "title" contains U+0000 (a control character) at character 25',
  },
  'too-large': {
    severity: 'error', means: 'A content file over 1 MiB, data nested over 20 levels, a series title over 200 characters, or a photo over 20 MiB or 10,000 pixels a side.',
    example: 'talk.md: the file is 2.0 MiB; a content file may be at most 1 MiB',
  },
  'unsafe-path': {
    severity: 'error', means: 'A path from content that leads out of its folder: a permalink with "..", a photo or image path outside content/static/.',
    example: 'pages/about.md:3: "permalink": "/../../escaped/" leads out of the site\'s folder',
  },
  'external-embed': {
    severity: 'error', means: 'Markdown embeds an image of another site (which the pages\' security policy blocks and feeds would carry as a tracking pixel); images must be files of content/static/. Links to other sites are fine.',
    example: 'talk.md:19: the abstract shows an image from another site: https://tracker.example/p.gif',
  },
  'nonexistent-time': {
    severity: 'error', means: 'A start in the hour the clocks skip on a spring-forward night; the hint gives the time it would be and how to write it.',
    example: 'session.yaml:3: "start" is "2024-03-31 02:30", a time that does not exist in Europe/Copenhagen: that night the clocks jump from 02:00 CET to 03:00 CEST',
  },
  'ambiguous-time': {
    severity: 'error', means: 'A start in the hour that happens twice on a fall-back night; the hint gives both readings with their offsets.',
    example: 'session.yaml:3: "start" is "2024-10-27 02:30", a time that happens twice in Europe/Copenhagen',
  },
  'bad-image': {
    severity: 'error', means: 'A speaker photo that is not a JPEG or PNG image (a file renamed to .jpg stays what it was).',
    example: 'talk.md:11: the speaker photo "photos/zajac.jpg" is not a JPEG or PNG image',
  },
} as const satisfies Record<string, { severity: 'error' | 'warning'; means: string; example: string }>;

/** One of the permanent problem codes. */
export type ProblemCode = keyof typeof PROBLEM_CATALOGUE;

/** The permanent problem codes, in the order of the catalogue. */
export const PROBLEM_CODES = Object.keys(PROBLEM_CATALOGUE) as ProblemCode[];

/** Where a problem is: kept apart from its message, so that a report can show it its own way. */
export interface ProblemLocation {
  /** Path relative to the working directory, with forward slashes. */
  file: string;
  /** 1-based line of the offending key, when known. */
  line?: number | undefined;
  /** 1-based column, when known (YAML syntax errors). */
  column?: number | undefined;
}

/**
 * The constructor of a problem of `code`: where it is, what is wrong, how to fix it. Its severity is
 * the catalogue's. Every problem of the project is made here.
 */
export function problem(code: ProblemCode, at: ProblemLocation, message: string, hint?: string): Problem {
  const made: Problem = { code, severity: PROBLEM_CATALOGUE[code].severity, file: at.file, message };
  if (at.line !== undefined) made.line = at.line;
  if (at.column !== undefined) made.column = at.column;
  if (hint !== undefined) made.hint = hint;
  return made;
}

/** A mistake in one of the user's files. */
export interface Problem {
  /** Permanent code, e.g. `unknown-key`. */
  code: ProblemCode;
  /** `error` fails the build; `warning` is printed and the build goes on. */
  severity: 'error' | 'warning';
  /** Path relative to the working directory, with forward slashes. */
  file: string;
  /** 1-based line of the offending key, when known. */
  line?: number;
  /** 1-based column, when known (YAML syntax errors). */
  column?: number;
  /** What is wrong. */
  message: string;
  /** How to fix it. */
  hint?: string;
}

/** A failure that is not the user's mistake in a content file: IO, a bug. */
export class SiteError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SiteError';
  }
}

/** Errors among the problems, i.e. whether the build must stop. */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** Sorted by file, then line, so that the output reads top to bottom per file. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file, 'en') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.code.localeCompare(b.code, 'en'),
  );
}

/** `content/x.md:7: unknown key "speker" (did you mean "speakers"?) [unknown-key]` plus a hint line. */
export function formatProblem(problem: Problem): string {
  const where = [problem.file, problem.line, problem.line !== undefined ? problem.column : undefined]
    .filter((part) => part !== undefined)
    .join(':');
  const label = problem.severity === 'warning' ? 'warning: ' : '';
  const head = `${where}: ${label}${problem.message} [${problem.code}]`;
  return problem.hint ? `${head}\n  hint: ${problem.hint}` : head;
}

/** The whole report: every problem, then a count line. */
export function formatProblems(problems: readonly Problem[]): string {
  const sorted = sortProblems(problems);
  const errors = sorted.filter((p) => p.severity === 'error').length;
  const warnings = sorted.length - errors;
  const lines = sorted.map(formatProblem);
  lines.push(`${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
  return lines.join('\n');
}

/**
 * GitHub Actions workflow commands, so that a pull request shows each problem on its line:
 * `::error file=content/x.md,line=7,title=unknown-key::unknown key "speker" …`.
 */
export function formatGithubAnnotations(problems: readonly Problem[]): string {
  return sortProblems(problems)
    .map((p) => {
      const props = [`file=${escapeProperty(p.file)}`, p.line ? `line=${p.line}` : '', p.column ? `col=${p.column}` : '', `title=${p.code}`]
        .filter(Boolean)
        .join(',');
      const text = p.hint ? `${p.message}\nhint: ${p.hint}` : p.message;
      return `::${p.severity === 'error' ? 'error' : 'warning'} ${props}::${escapeData(text)}`;
    })
    .join('\n');
}

/** The message of a workflow command escapes %, CR and LF (actions/toolkit `escapeData`). */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values also escape ":" and "," (actions/toolkit `escapeProperty`). */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The cause chain of an error, one line per cause ("caused by: …"). */
export function formatErrorChain(error: unknown): string {
  const lines: string[] = [];
  let current: unknown = error;
  while (current !== undefined && current !== null && lines.length < 10) {
    const message = current instanceof Error ? current.message : String(current);
    lines.push(lines.length === 0 ? message : `caused by: ${message}`);
    current = current instanceof Error ? current.cause : undefined;
  }
  return lines.join('\n');
}
