import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import nunjucks from 'nunjucks';
import { openCompiledTemplates } from '../speed/compiled-templates.js';
import { display, listTemplates, TemplateError, toTemplateError } from './template-errors.js';

export { TemplateError } from './template-errors.js';

/** Renders a named template with a context. */
export interface TemplateRenderer {
  render(name: string, context: Record<string, unknown>): string;
  /** Tells these templates (their folder, names and text) and this engine and its filters from any other. */
  id: string;
}

const OPTIONS = { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true } as const;

/** Compiled templates are kept between builds (src/speed/compiled-templates.ts) by what compiling depends on, this too. */
const NUNJUCKS_VERSION = (createRequire(import.meta.url)('nunjucks/package.json') as { version: string }).version;

/** The Nunjucks environment: autoescaping on, templates read from `templatesDir`. */
export function createTemplateRenderer(
  templatesDir: string,
  filters: Record<string, (...args: never[]) => unknown>,
  displayRoot: string,
): TemplateRenderer {
  const sources = new Map(listTemplates(templatesDir).map((name) => [name, readFileSync(path.join(templatesDir, name), 'utf8')]));
  const store = openCompiledTemplates(templatesDir, sources, JSON.stringify([NUNJUCKS_VERSION, OPTIONS, Object.keys(filters).sort()]));
  // A copy: Nunjucks adds its defaults to the options it is given, which would change the key above.
  const env = new nunjucks.Environment(new CompiledFirstLoader(templatesDir, sources, store.cached ?? new Map()), { ...OPTIONS });
  for (const [name, filter] of Object.entries(filters)) env.addFilter(name, filter as (...args: unknown[]) => unknown);
  if (!store.cached) {
    checkTemplates(env, templatesDir, displayRoot, sources);
    store.keep(compileAll(env, templatesDir, sources));
  }
  return {
    id: store.id,
    render(name, context) {
      try {
        return env.render(name, context);
      } catch (cause) {
        throw toTemplateError(cause, name, templatesDir, displayRoot, 'render');
      }
    },
  };
}

interface FilterNode {
  name: { value: string };
  lineno: number;
  colno: number;
}

/**
 * Compile every template (`sources`: name → text, as read) before the first page, so that a syntax
 * error is reported in the file it is in (Nunjucks names the page's template instead when the mistake
 * is in an imported or parent one), and look up every filter name, which Nunjucks only reports at run
 * time and without a line.
 */
function checkTemplates(env: nunjucks.Environment, templatesDir: string, displayRoot: string, sources: ReadonlyMap<string, string>): void {
  for (const [name, source] of sources) {
    try {
      env.getTemplate(name, true);
    } catch (cause) {
      throw toTemplateError(cause, name, templatesDir, displayRoot, 'compile');
    }
    const ast = (nunjucks as unknown as { parser: { parse(src: string): { findAll(type: unknown): FilterNode[] } } }).parser.parse(source);
    const Filter = (nunjucks as unknown as { nodes: { Filter: unknown } }).nodes.Filter;
    for (const node of ast.findAll(Filter)) {
      try {
        env.getFilter(node.name.value);
      } catch (cause) {
        const file = display(path.join(templatesDir, name), displayRoot);
        throw new TemplateError(`unknown filter "${node.name.value}"`, file, node.lineno + 1, { cause });
      }
    }
  }
}

/**
 * Serves the templates as they were read when the renderer was made (the text the cache key was
 * computed from), as compiled code when the cache has it; a name not among them is looked up in the
 * folder as usual.
 */
class CompiledFirstLoader extends nunjucks.FileSystemLoader {
  constructor(
    private readonly templatesDir: string,
    private readonly sources: ReadonlyMap<string, string>,
    private readonly compiled: ReadonlyMap<string, string>,
  ) {
    super(templatesDir);
  }

  override getSource(name: string): nunjucks.LoaderSource {
    const text = this.sources.get(name);
    if (text === undefined) return super.getSource(name);
    const fullPath = path.resolve(this.templatesDir, name);
    const code = this.compiled.get(name);
    if (code !== undefined) {
      try {
        // The form Nunjucks' own precompiled templates take: the object the compiled code returns.
        return { src: { type: 'code', obj: new Function(code)() }, path: fullPath, noCache: false } as unknown as nunjucks.LoaderSource;
      } catch {
        // A damaged cache entry: the text (which compiled when it was cached) is compiled again.
      }
    }
    return { src: text, path: fullPath, noCache: false };
  }
}

/** Each template's compiled JavaScript, as Nunjucks makes it when it compiles a template itself. */
function compileAll(env: nunjucks.Environment, templatesDir: string, sources: ReadonlyMap<string, string>): Map<string, string> {
  const { compiler } = nunjucks as unknown as {
    compiler: { compile(src: string, asyncFilters: unknown, extensions: unknown, name: string, opts: unknown): string };
  };
  const internals = env as unknown as { asyncFilters: unknown; extensionsList: unknown; opts: unknown };
  const compiled = new Map<string, string>();
  for (const [name, text] of sources) {
    compiled.set(name, compiler.compile(text, internals.asyncFilters, internals.extensionsList, path.resolve(templatesDir, name), internals.opts));
  }
  return compiled;
}

/** Mark trusted HTML (rendered Markdown) so autoescaping leaves it alone. */
export function markSafe(html: string): unknown {
  return new nunjucks.runtime.SafeString(html);
}
