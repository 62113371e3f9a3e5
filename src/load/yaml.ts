import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

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
 * Parse YAML with the maintained `yaml` package (YAML 1.2), keeping positions.
 * `firstLine` is the file line that the text's first line sits on (front matter starts on line 2).
 */
export function parseYaml(text: string, firstLine = 1): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toFileLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const errors = doc.errors.map((error) => {
    const pos = lineCounter.linePos(error.pos[0]);
    return { code: error.code, message: firstSentence(error.message), line: pos.line + firstLine - 1, column: pos.col };
  });
  const data = errors.length > 0 ? undefined : doc.toJS({ maxAliasCount: 100 });
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
