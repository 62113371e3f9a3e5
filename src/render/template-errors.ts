import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { problem, SiteError, type Problem } from '../problems.js';

/**
 * A template mistake: what is wrong, and the template file and line it is on, apart. Thrown by the
 * renderer (Nunjucks throws), caught by the pipeline, which reports it as a `template-error` problem.
 */
export class TemplateError extends SiteError {
  constructor(
    readonly detail: string,
    readonly file: string,
    readonly line: number | undefined,
    options?: { cause?: unknown },
  ) {
    super(`${file}${line ? `:${line}` : ''}: template error: ${detail}`, options);
    this.name = 'TemplateError';
  }

  toProblem(): Problem {
    return problem('template-error', { file: this.file, line: this.line }, `template error: ${this.detail}`);
  }
}

/**
 * Nunjucks reports "(file) [Line 3, Column 5]\n  message" with a 1-based line for syntax errors and
 * a 0-based one for run-time errors; turn either into file:line.
 */
export function toTemplateError(cause: unknown, name: string, templatesDir: string, displayRoot: string, stage: 'compile' | 'render'): TemplateError {
  const message = cause instanceof Error ? cause.message : String(cause);
  const marks = [...message.matchAll(/\(([^)]+)\)\s*\[Line (\d+)(?:, Column \d+)?\]/g)].map((m) => ({
    file: path.isAbsolute(m[1]!) ? m[1]! : path.join(templatesDir, m[1]!),
    line: Number(m[2]) + (stage === 'render' ? 1 : 0),
  }));
  const detail =
    message
      .split('\n')
      .map((l) => l.replace(/^\s*(Template render error: )?(\([^)]*\))?\s*(\[Line[^\]]*\])?\s*/, '').replace(/^Error: /, '').trim())
      .filter(Boolean)
      .join(' ') || message;
  const unclosed = stage === 'compile' && /got end of file|unknown block tag: end\w+/.test(detail) ? findUnclosedTag(path.join(templatesDir, name)) : undefined;
  if (unclosed) {
    const file = display(path.join(templatesDir, name), displayRoot);
    return new TemplateError(`{% ${unclosed.tag} %} is never closed with {% end${unclosed.tag} %}`, file, unclosed.line, { cause });
  }
  const found = stage === 'render' ? findRuntimeLocation(marks, detail, templatesDir) : marks[0];
  const file = display(found?.file ?? marks[0]?.file ?? path.join(templatesDir, name), displayRoot);
  const line = found?.line ?? marks[0]?.line;
  return new TemplateError(detail, file, line, { cause });
}

/**
 * A run-time error inside a macro, an include or a parent template is attributed to the page's
 * template, with lines of the files it passed through. Find the name the error is about: where it
 * occurs once in all templates, that is the place; else take the innermost reported line that holds it.
 */
function findRuntimeLocation(marks: { file: string; line: number }[], detail: string, templatesDir: string) {
  const token = /`([A-Za-z_$][\w$]*)/.exec(detail)?.[1] ?? /template not found: (\S+)/.exec(detail)?.[1];
  if (!token) return marks.at(-1);
  const occurrences = listTemplates(templatesDir).flatMap((name) => {
    const file = path.join(templatesDir, name);
    return readLines(file).flatMap((text, i) => (text.includes(token) ? [{ file, line: i + 1 }] : []));
  });
  if (occurrences.length === 1) return occurrences[0];
  for (const mark of [...marks].reverse()) {
    const here = occurrences.filter((o) => o.line === mark.line);
    const same = here.find((o) => o.file === mark.file);
    if (same) return same;
    if (here.length === 1) return here[0];
  }
  return marks.at(-1);
}

/** Block tags that need an end tag. */
const BLOCK_TAGS = new Set(['if', 'for', 'asyncEach', 'asyncAll', 'macro', 'call', 'block', 'filter', 'raw', 'verbatim']);

/**
 * Nunjucks notices a missing end tag only at the end of the file or at an outer end tag; the
 * mistake is the opening tag left unmatched. `{% set x %}…{% endset %}` is skipped: rare in templates.
 */
function findUnclosedTag(file: string): { tag: string; line: number } | undefined {
  const stack: { tag: string; line: number }[] = [];
  const lines = readLines(file);
  for (let i = 0; i < lines.length; i++) {
    for (const [, name] of lines[i]!.matchAll(/\{%-?\s*(\w+)/g)) {
      if (BLOCK_TAGS.has(name!)) stack.push({ tag: name!, line: i + 1 });
      else if (name!.startsWith('end') && stack.at(-1)?.tag === name!.slice(3)) stack.pop();
      // An end tag that does not match the innermost open tag: that open tag is the one left unclosed.
      else if (name!.startsWith('end') && BLOCK_TAGS.has(name!.slice(3))) return stack.at(-1);
    }
  }
  return stack.at(-1);
}

function readLines(file: string): string[] {
  try {
    return readFileSync(file, 'utf8').split('\n');
  } catch {
    return [];
  }
}

/** Every template below the folder, by its name as templates refer to it ("base.njk", forward slashes). */
export function listTemplates(templatesDir: string): string[] {
  return readdirSync(templatesDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.njk'))
    .map((entry) => path.relative(templatesDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

export function display(absolute: string, displayRoot: string): string {
  return path.relative(displayRoot, absolute).split(path.sep).join('/');
}
