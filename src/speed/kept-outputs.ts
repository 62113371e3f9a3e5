// Speed only: a repeat build renders again only the pages whose inputs changed. At 4,000 talks the pages
// of sessions, talks, speakers and topics are most of the rendering, and a one-talk edit changes a
// handful of them. Without this, every page is rendered and written on every build.
import { createHash } from 'node:crypto';
import { lstatSync } from 'node:fs';
import path from 'node:path';
import { CACHE_ROOT, openBuildCache } from './build-cache.js';
import { codeIdentity } from './code-identity.js';

/** What the last build into an output folder made each of its files from. */
export interface KeptOutputs {
  /**
   * Whether the file the last build wrote at `path` is still in the output folder as it was written, and
   * was made from inputs equal to `inputs` (by the same code): then it can be kept instead of rendered.
   * The digest of `inputs` is remembered for the next build either way.
   */
  unchanged(path: string, inputs: unknown): boolean;
  /** Once the build's files are the output folder: remember what each one was made from. */
  remember(): void;
}

interface Manifest {
  code: string;
  /** By output path: the digest of its inputs, and the size and modification time it was written with. */
  files: Record<string, [digest: string, size: number, mtimeMs: number]>;
}

/**
 * One manifest per output folder, in the build cache, named by the folder's path. A file is kept only
 * when its inputs digest, the code that rendered it and its size and modification time on disk all
 * match, so a damaged or stale manifest, an edited file or another build into the folder only costs
 * renders.
 */
export function openKeptOutputs(outDir: string): KeptOutputs {
  const target = path.resolve(outDir);
  // Tests build into many folders at once: room for them all, so none loses its entry to the others.
  const cache = openBuildCache(CACHE_FOLDER, { maxEntries: 256 });
  const entry = manifestName(target);
  const code = codeIdentity();
  const previous = readManifest(cache.read(entry), code);
  const digests = createDigester();
  const made = new Map<string, string>();
  const kept = new Set<string>();
  return {
    unchanged(relative, inputs) {
      const digest = digests.of(inputs);
      if (digest === undefined) return false;
      made.set(relative, digest);
      const before = previous?.files[relative];
      if (!before || before[0] !== digest) return false;
      const stat = statOf(path.join(target, relative));
      if (stat === undefined || stat.size !== before[1] || stat.mtimeMs !== before[2]) return false;
      kept.add(relative);
      return true;
    },
    remember() {
      const files: Manifest['files'] = {};
      for (const [relative, digest] of made) {
        // A kept file is the same file (a link to it), already known.
        const before = kept.has(relative) ? previous?.files[relative] : undefined;
        const stat = before ? { size: before[1], mtimeMs: before[2] } : statOf(path.join(target, relative));
        if (stat) files[relative] = [digest, stat.size, stat.mtimeMs];
      }
      cache.write(entry, JSON.stringify({ code, files } satisfies Manifest));
    },
  };
}

const CACHE_FOLDER = 'outputs';

function manifestName(outDir: string): string {
  return `${sha256(path.resolve(outDir)).slice(0, 32)}.json`;
}

/** The file where the manifest of `outDir` is kept. */
export function keptOutputsManifest(outDir: string): string {
  return path.join(CACHE_ROOT, CACHE_FOLDER, manifestName(outDir));
}

function readManifest(bytes: Buffer | undefined, code: string): Manifest | undefined {
  if (!bytes) return undefined;
  try {
    const parsed = JSON.parse(bytes.toString('utf8')) as Partial<Manifest>;
    if (parsed.code !== code || typeof parsed.files !== 'object' || parsed.files === null) return undefined;
    const files: Manifest['files'] = Object.create(null);
    for (const [file, value] of Object.entries(parsed.files)) {
      if (Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'number' && typeof value[2] === 'number') files[file] = [value[0], value[1], value[2]];
    }
    return { code, files };
  } catch {
    return undefined;
  }
}

function statOf(file: string): { size: number; mtimeMs: number } | undefined {
  try {
    const stat = lstatSync(file);
    return stat.isFile() ? { size: stat.size, mtimeMs: stat.mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}

class NotDigestible extends Error {}

/**
 * Digests of the values pages are rendered from. Each object is described once per build (views are
 * shared by many pages): a long description is replaced by its hash in the objects that hold it.
 * Functions, symbols and cycles cannot be described: such an output is always rendered.
 */
function createDigester() {
  const described = new WeakMap<object, string>();
  const describe = (value: unknown, depth: number): string => {
    switch (typeof value) {
      case 'string':
        // Its length first: no escaping needed to tell where it ends.
        return `${value.length}"${value}`;
      case 'number':
      case 'boolean':
        return String(value);
      case 'bigint':
        return `${value}n`;
      case 'undefined':
        return 'u';
      case 'function':
      case 'symbol':
        throw new NotDigestible();
    }
    if (value === null) return 'null';
    const object = value as Record<string, unknown>;
    const known = described.get(object);
    if (known !== undefined) return known;
    if (depth > 64) throw new NotDigestible();
    let text: string;
    if (Array.isArray(object)) text = `[${object.map((item) => describe(item, depth + 1)).join(',')}]`;
    else if (object instanceof Map || object instanceof Set) text = `${object.constructor.name}${describe([...object], depth + 1)}`;
    else {
      const prototype = Object.getPrototypeOf(object) as { constructor?: { name?: string } } | null;
      const head = prototype === Object.prototype || prototype === null ? '' : (prototype.constructor?.name ?? '?');
      // A value that says what it is (a date-time: its instant, offset and zone; its other fields are
      // caches), else its fields, getters run as a template would run them (marked-safe HTML: its text).
      if (typeof object.toJSON === 'function') text = `${head}${JSON.stringify(object)}${typeof object.zoneName === 'string' ? object.zoneName : ''}`;
      else text = `${head}{${Object.keys(object).map((key) => `${key.length}"${key}:${describe(object[key], depth + 1)}`).join(',')}}`;
    }
    // Hashed when long: a talk's or session's view is then a short reference in every page that shows it.
    if (text.length > 1000) text = `#${sha256(text)}`;
    described.set(object, text);
    return text;
  };
  return {
    of(value: unknown): string | undefined {
      try {
        return sha256(describe(value, 0));
      } catch {
        // Not describable (or a getter failed, which rendering reports if the page uses it): rendered.
        return undefined;
      }
    },
  };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}
