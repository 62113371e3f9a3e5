import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import { checkTemplates, listTemplates, toTemplateError } from './template-errors.js';

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
 * template is compiled and checked again; losing the folder costs only that time.
 */
const CACHE_DIR = fileURLToPath(new URL('../../node_modules/.cache/looking-glass/templates/', import.meta.url));
const NUNJUCKS_VERSION = (createRequire(import.meta.url)('nunjucks/package.json') as { version: string }).version;

/** The Nunjucks environment: autoescaping on, templates read from `templatesDir`. */
export function createTemplateRenderer(
  templatesDir: string,
  filters: Record<string, (...args: never[]) => unknown>,
  displayRoot: string,
): TemplateRenderer {
  const sources = new Map(listTemplates(templatesDir).map((name) => [name, readFileSync(path.join(templatesDir, name), 'utf8')]));
  const cacheFile = path.join(CACHE_DIR, `${cacheKey(templatesDir, sources, Object.keys(filters))}.json`);
  const cached = readCompiled(cacheFile);
  const env = new nunjucks.Environment(new CompiledFirstLoader(templatesDir, sources, cached ?? new Map()), OPTIONS);
  for (const [name, filter] of Object.entries(filters)) env.addFilter(name, filter as (...args: unknown[]) => unknown);
  if (!cached) {
    checkTemplates(env, templatesDir, displayRoot);
    writeCompiled(cacheFile, compileAll(env, templatesDir, sources));
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

/** Reads templates from the folder, using the compiled code of those whose text is what was compiled. */
class CompiledFirstLoader extends nunjucks.FileSystemLoader {
  constructor(
    templatesDir: string,
    private readonly sources: ReadonlyMap<string, string>,
    private readonly compiled: ReadonlyMap<string, string>,
  ) {
    super(templatesDir);
  }

  override getSource(name: string): nunjucks.LoaderSource {
    const source = super.getSource(name);
    const code = this.compiled.get(name);
    if (source && code !== undefined && source.src === this.sources.get(name)) {
      try {
        // The form Nunjucks' own precompiled templates take: the object the compiled code returns.
        (source as unknown as { src: unknown }).src = { type: 'code', obj: new Function(code)() };
      } catch {
        // A damaged cache entry: the text (which compiled when it was cached) is compiled again.
      }
    }
    return source;
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

function readCompiled(file: string): Map<string, string> | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const entries = Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
    return new Map(entries);
  } catch {
    return undefined;
  }
}

/** Best effort, written beside and renamed so that a build running at the same time never reads half of it. */
function writeCompiled(file: string, compiled: Map<string, string>): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, JSON.stringify(Object.fromEntries(compiled)));
    renameSync(partial, file);
  } catch {
    // nothing to do: this build has its templates compiled in memory
  }
}

/** Mark trusted HTML (rendered Markdown) so autoescaping leaves it alone. */
export function markSafe(html: string): unknown {
  return new nunjucks.runtime.SafeString(html);
}
