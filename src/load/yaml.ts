import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { readValuesQuickly } from '../speed/quick-yaml.js';

/** A key path into parsed YAML, e.g. `['speakers', 1, 'affiliation']`. */
export type KeyPath = readonly (string | number)[];

/** Parsed YAML plus a way back from a key path to the line it was written on. */
export interface ParsedYaml {
  /** The plain JavaScript value (YAML 1.2 core schema: dates stay strings). */
  data: unknown;
  /** 1-based file line of the key at `path` (or of its nearest written ancestor). */
  lineOf(path: KeyPath): number | undefined;
  /** Syntax errors with the parser's error code and 1-based file lines and columns. */
  errors: { code: string; message: string; line: number; column: number }[];
}

/**
 * Parse YAML 1.2 (core schema). `firstLine` is the file line that the text's first line sits on
 * (front matter starts on line 2).
 *
 * Two parsers, because positions are expensive and rarely needed: js-yaml reads the values of a
 * well-formed file about five times faster than `yaml` does; `yaml` (which keeps every token's
 * position) runs only when the file does not parse, when it uses a construct where the two could read
 * differently, or when a problem needs the line of a key. Both read the values of plain files alike
 * (test/load/yaml.test.ts holds them to it, on every content file of the repository).
 */
export function parseYaml(text: string, firstLine = 1): ParsedYaml {
  const quick = readValuesQuickly(text);
  if (quick) {
    let located: ParsedYaml | undefined;
    return { data: quick.value, errors: [], lineOf: (path) => (located ??= parseYamlWithPositions(text, firstLine)).lineOf(path) };
  }
  return parseYamlWithPositions(text, firstLine);
}

/** Parse with the `yaml` package, keeping the line of every key and the position of every error. */
export function parseYamlWithPositions(text: string, firstLine = 1): ParsedYaml {
  const lineCounter = new LineCounter();
  // logLevel 'error': a key that is itself a list or a map ("? [a, b]: x") would print a warning of the
  // parser to the organizer's terminal; the stringified key is then reported as an unknown key instead.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  const toFileLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const errors = doc.errors.map((error) => {
    const pos = lineCounter.linePos(error.pos[0]);
    return { code: error.code, message: firstSentence(error.message), line: pos.line + firstLine - 1, column: pos.col };
  });
  let data: unknown;
  if (errors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: 100 });
      // An alias inside the value its anchor names ("a: &x [*x]") makes data that contains itself.
      if (containsItself(data)) throw new Error('an alias refers to the value it is part of');
    } catch (error) {
      // An alias without its anchor, or too many aliases: yaml throws these only when building values.
      const alias = /\*([^\s,\]}]+)/.exec(text);
      const pos = lineCounter.linePos(alias?.index ?? 0);
      errors.push({ code: 'BAD_ALIAS', message: firstSentence((error as Error).message), line: pos.line + firstLine - 1, column: pos.col });
    }
  }
  // Lines are indexed once so that the document (large, with every token) can be freed.
  const lines = new Map<string, number>();
  indexLines(doc.contents, [], lines, toFileLine);
  return {
    data,
    errors,
    lineOf(path) {
      for (let length = path.length; length > 0; length--) {
        const line = lines.get(pathKey(path.slice(0, length)));
        if (line !== undefined) return line;
      }
      return undefined;
    },
  };
}
/**
 * Whether a value (from aliases) contains itself within 100 levels below. Deeper data is refused later
 * for its depth alone (validation reads 20 levels), so the walk need not go further.
 */
function containsItself(data: unknown): boolean {
  const walk = (value: unknown, ancestors: Set<object>): boolean => {
    if (value === null || typeof value !== 'object' || ancestors.size > 100) return false;
    if (ancestors.has(value)) return true;
    ancestors.add(value);
    const found = (Array.isArray(value) ? value : Object.values(value)).some((item) => walk(item, ancestors));
    ancestors.delete(value);
    return found;
  };
  return walk(data, new Set());
}

/** Record the line of every map key and sequence item below `node`. */
function indexLines(node: unknown, path: (string | number)[], lines: Map<string, number>, toFileLine: (offset: number) => number): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      const childPath = [...path, String(pair.key.value)];
      const range = (pair.key as Node).range;
      if (range) lines.set(pathKey(childPath), toFileLine(range[0]));
      indexLines(pair.value, childPath, lines, toFileLine);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const childPath = [...path, i];
      const range = (item as Node | null)?.range;
      if (range) lines.set(pathKey(childPath), toFileLine(range[0]));
      indexLines(item, childPath, lines, toFileLine);
    });
  }
}

function pathKey(path: KeyPath): string {
  return path.map(String).join('\u0000');
}

/** yaml's messages carry a code excerpt after the first line; the line number says where already. */
function firstSentence(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
