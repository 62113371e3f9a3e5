// Speed only: compiling and checking the templates took a third of a build of the real content
// (120–150 ms); the compiled code is kept between builds. Without it, src/render/templates.ts compiles
// and checks the templates on every build.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { openBuildCache } from './build-cache.js';

/** The compiled code of one set of templates, kept between builds. */
export interface CompiledTemplates {
  /** Compiled code by template name, when an earlier build kept it for exactly these templates. */
  cached: ReadonlyMap<string, string> | undefined;
  /** Keep the compiled code of these templates for the next builds. */
  keep(compiled: ReadonlyMap<string, string>): void;
  /** The hash of everything compiling depends on. */
  id: string;
}

/**
 * An entry is named by a hash of everything compiling depends on (the templates' folder, names and text,
 * and `compilerId`: the compiler's version, options and filter names), so an edited template is compiled
 * and checked again. One entry per templates folder is kept (editing templates in `dev` would otherwise
 * pile them up), 32 in all.
 */
export function openCompiledTemplates(templatesDir: string, sources: ReadonlyMap<string, string>, compilerId: string): CompiledTemplates {
  // "<folder>-<contents>.json"
  const folderKey = createHash('sha256').update(path.resolve(templatesDir)).digest('hex').slice(0, 16);
  const hash = createHash('sha256').update(compilerId).update('\0').update(path.resolve(templatesDir));
  for (const [name, text] of sources) hash.update('\0').update(name).update('\0').update(text);
  const id = hash.digest('hex');
  const entry = `${folderKey}-${id}.json`;
  const cache = openBuildCache('templates', { maxEntries: 32, replaces: (other) => other.startsWith(`${folderKey}-`) });
  return {
    id,
    cached: readCompiled(cache.read(entry)),
    keep: (compiled) => cache.write(entry, JSON.stringify(Object.fromEntries(compiled))),
  };
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
