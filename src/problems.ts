/**
 * Problems are mistakes in a user's files: collected across all files, reported together, never thrown.
 * Anything else (a bug, a disk error) is a SiteError with a cause chain.
 */

/** Permanent problem codes: never rename one, only add (tests and docs refer to them). */
export const PROBLEM_CODES = [
  'yaml-syntax',
  'no-front-matter',
  'missing-field',
  'wrong-type',
  'unknown-key',
  'bad-datetime',
  'time-without-zone',
  'unknown-timezone',
  'bad-url',
  'duplicate-episode',
  'duplicate-slot',
  'unknown-session',
  'duplicate-session',
  'output-collision',
  'empty-abstract',
  'mojibake',
  'not-utf8',
  'template-error',
  'past-talk-without-recording',
  'speaker-without-affiliation',
  'missing-file',
  'unexpected-file',
  'stray-output-file',
  'bad-character',
  'too-large',
  'unsafe-path',
  'external-embed',
  'nonexistent-time',
  'ambiguous-time',
  'bad-image',
] as const;

/** One of the permanent problem codes. */
export type ProblemCode = (typeof PROBLEM_CODES)[number];

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

/** Thrown when problems stop a build midway (files in the output folder no build wrote); carries them. */
export class ProblemsError extends SiteError {
  constructor(
    readonly problems: Problem[],
    message = `${problems.filter((p) => p.severity === 'error').length} problem(s) found`,
  ) {
    super(message);
    this.name = 'ProblemsError';
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
