import nunjucks from 'nunjucks';
import path from 'node:path';
import { SiteError } from '../problems.js';

/** Renders a named template with a context. */
export interface TemplateRenderer {
  render(name: string, context: Record<string, unknown>): string;
}

/** A template mistake, with the template file and line it is on. */
export class TemplateError extends SiteError {
  constructor(
    message: string,
    readonly file: string,
    readonly line: number | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'TemplateError';
  }
}

/** The Nunjucks environment: autoescaping on, templates read from `templatesDir`. */
export function createTemplateRenderer(
  templatesDir: string,
  filters: Record<string, (...args: never[]) => unknown>,
  displayRoot: string,
): TemplateRenderer {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(templatesDir), {
    autoescape: true,
    throwOnUndefined: false,
    trimBlocks: true,
    lstripBlocks: true,
  });
  for (const [name, filter] of Object.entries(filters)) env.addFilter(name, filter as (...args: unknown[]) => unknown);
  return {
    render(name, context) {
      try {
        return env.render(name, context);
      } catch (cause) {
        throw toTemplateError(cause, name, templatesDir, displayRoot);
      }
    },
  };
}

/** Mark trusted HTML (rendered Markdown) so autoescaping leaves it alone. */
export function markSafe(html: string): unknown {
  return new nunjucks.runtime.SafeString(html);
}

/** Nunjucks reports "(file) [Line 3, Column 5]\n  message"; turn it into file:line. */
function toTemplateError(cause: unknown, name: string, templatesDir: string, displayRoot: string): TemplateError {
  const message = cause instanceof Error ? cause.message : String(cause);
  const located = /\(([^)]+)\)\s*\[Line (\d+), Column (\d+)\]/.exec(message);
  const absolute = located?.[1] ?? path.join(templatesDir, name);
  const file = path.relative(displayRoot, path.isAbsolute(absolute) ? absolute : path.join(templatesDir, absolute)).split(path.sep).join('/');
  const line = located ? Number(located[2]) : undefined;
  const detail = message
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^\(.*\)\s*(\[Line.*\])?$/.test(l) && !/^Template render error/.test(l))
    .join(' ');
  return new TemplateError(`${file}${line ? `:${line}` : ''}: template error: ${detail || message}`, file, line, { cause });
}
