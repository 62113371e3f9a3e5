import nunjucks from 'nunjucks';
import { checkTemplates, toTemplateError } from './template-errors.js';

export { TemplateError } from './template-errors.js';

/** Renders a named template with a context. */
export interface TemplateRenderer {
  render(name: string, context: Record<string, unknown>): string;
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
  checkTemplates(env, templatesDir, displayRoot);
  return {
    render(name, context) {
      try {
        return env.render(name, context);
      } catch (cause) {
        throw toTemplateError(cause, name, templatesDir, displayRoot, 'render');
      }
    },
  };
}

/** Mark trusted HTML (rendered Markdown) so autoescaping leaves it alone. */
export function markSafe(html: string): unknown {
  return new nunjucks.runtime.SafeString(html);
}
