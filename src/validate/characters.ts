/**
 * Characters no output may carry: XML 1.0 forbids C0 controls but tab and newline, unpaired surrogates
 * and U+FFFE/U+FFFF (https://www.w3.org/TR/xml/#charsets), HTML calls C1 controls and noncharacters parse
 * errors (https://html.spec.whatwg.org/#preprocessing-the-input-stream), and an unpaired surrogate cannot
 * be written as UTF-8 at all. A YAML escape ("\0", "\x07") or text pasted from a PDF brings them in.
 */
const BAD_CHARACTER = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/;

/** A character that no output may carry, where it is, and what it is. */
export interface BadCharacter {
  /** Key path of the string (empty for a Markdown body). */
  path: (string | number)[];
  /** Offset in the string, in UTF-16 code units. */
  offset: number;
  /** "U+0000 (a control character)" */
  name: string;
}

/** The first bad character of every string in `data`, keys included; nested values are walked without recursion. */
export function findBadCharacters(data: unknown): BadCharacter[] {
  const found: BadCharacter[] = [];
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: data, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      const bad = firstBadCharacter(value);
      if (bad) found.push({ path, ...bad });
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, path: [...path, i] }));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const bad = firstBadCharacter(key);
        if (bad) found.push({ path: [...path, key], ...bad });
        stack.push({ value: item, path: [...path, key] });
      }
    }
  }
  return found.reverse();
}

/** Where the first bad character of `text` is, and what it is; undefined when there is none. */
export function firstBadCharacter(text: string): { offset: number; name: string } | undefined {
  const match = BAD_CHARACTER.exec(text);
  if (!match) return undefined;
  const code = match[0].codePointAt(0)!;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const kind =
    code >= 0xd800 && code <= 0xdfff ? 'half of a character (an unpaired surrogate)'
    : code < 0x20 || (code >= 0x7f && code <= 0x9f) ? 'a control character'
    : 'a noncharacter';
  return { offset: match.index, name: `${hex} (${kind})` };
}

/**
 * How deeply `data` nests lists and groups of keys (a scalar is 0), counted up to `limit + 1`: the walk
 * stops there, so it ends even on data that contains itself.
 */
export function nestingDepth(data: unknown, limit = Infinity): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[data, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > limit) return deepest;
    for (const item of Array.isArray(value) ? value : Object.values(value)) stack.push([item, depth + 1]);
  }
  return deepest;
}
