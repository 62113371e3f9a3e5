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
  return {
    data,
    errors,
    lineOf(path) {
      let node: unknown = doc.contents;
      let line: number | undefined = undefined;
      for (const key of path) {
        if (isMap(node)) {
          const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
          if (!pair) break;
          const keyRange = (pair.key as Node).range;
          if (keyRange) line = toFileLine(keyRange[0]);
          node = pair.value;
        } else if (isSeq(node) && typeof key === 'number') {
          const item = node.items[key] as Node | undefined;
          if (!item) break;
          if (item.range) line = toFileLine(item.range[0]);
          node = item;
        } else {
          break;
        }
      }
      return line;
    },
  };
}

/** yaml's messages carry a code excerpt after the first line; the line number says where already. */
function firstSentence(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
