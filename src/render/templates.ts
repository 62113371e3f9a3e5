import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import nunjucks from 'nunjucks';
import { openBuildCache } from '../build-cache.js';
import { display, listTemplates, TemplateError, toTemplateError } from './template-errors.js';

export { TemplateError } from './template-errors.js';

/** Renders a named template with a context. */
export interface TemplateRenderer {
  render(name: string, context: Record<string, unknown>): string;
}

const OPTIONS = { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true } as const;

/**
 * Compiled templates kept between builds: compiling and checking the templates took a third of a build
 * of the real content (120–150 ms). An entry is named by a hash of everything compiling depends on (the
 * templates' folder, names and text, the filters' names, Nunjucks' version and options), so an edited
 * template is compiled and checked again. One entry per templates folder is kept (editing templates in
 * `dev` would otherwise pile them up), 32 in all.
 */
const NUNJUCKS_VERSION = (createRequire(import.meta.url)('nunjucks/package.json') as { version: string }).version;

/** The Nunjucks environment: autoescaping on, templates read from `templatesDir`. */
export function createTemplateRenderer(
  templatesDir: string,
  filters: Record<string, (...args: never[]) => unknown>,
  displayRoot: string,
): TemplateRenderer {
  const sources = new Map(listTemplates(templatesDir).map((name) => [name, readFileSync(path.join(templatesDir, name), 'utf8')]));
  // "<folder>-<contents>.json"
  const folderKey = createHash('sha256').update(path.resolve(templatesDir)).digest('hex').slice(0, 16);
  const cacheName = `${folderKey}-${cacheKey(templatesDir, sources, Object.keys(filters))}.json`;
  const cache = openBuildCache('templates', { maxEntries: 32, replaces: (entry) => entry.startsWith(`${folderKey}-`) });
  const cached = readCompiled(cache.read(cacheName));
  const env = new nunjucks.Environment(new CompiledFirstLoader(templatesDir, sources, cached ?? new Map()), OPTIONS);
  for (const [name, filter] of Object.entries(filters)) env.addFilter(name, filter as (...args: unknown[]) => unknown);
  if (!cached) {
    checkTemplates(env, templatesDir, displayRoot, sources);
    cache.write(cacheName, JSON.stringify(Object.fromEntries(compileAll(env, templatesDir, sources))));
  }
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

function cacheKey(templatesDir: string, sources: ReadonlyMap<string, string>, filterNames: string[]): string {
  const hash = createHash('sha256').update(JSON.stringify([NUNJUCKS_VERSION, OPTIONS, path.resolve(templatesDir), [...filterNames].sort()]));
  for (const [name, text] of sources) hash.update('\0').update(name).update('\0').update(text);
  return hash.digest('hex');
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

function readCompiled(json: Buffer | undefined): Map<string, string> | undefined {
  if (!json) return undefined;
  try {
    const parsed = JSON.parse(json.toString('utf8')) as Record<string, unknown>;
    return new Map(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return undefined;
  }
}

/** Mark trusted HTML (rendered Markdown) so autoescaping leaves it alone. */
export function markSafe(html: string): unknown {
  return new nunjucks.runtime.SafeString(html);
}
