/**
 * Text that was UTF-8, read as Windows-1252 (or Latin-1) and saved as UTF-8 again:
 * "JimÃ©nez", "â€™", "ðŸ‘€". Found by trying to undo exactly that and checking the result is valid UTF-8.
 */

/** Windows-1252 characters at 0x80–0x9F, which Latin-1 leaves as controls. */
const CP1252: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89,
  'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95,
  '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};

/** A lead byte (Ã, Â, â, ð…) followed by continuation-looking characters. */
const SUSPECT = /[\u00c2-\u00f4][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]{1,3}/g;

/** A double-encoded stretch of text and what it should say. */
export interface MojibakeFound {
  path: (string | number)[];
  /** Where in the string the first double-encoded stretch starts. */
  offset: number;
  /** The words around it. */
  excerpt: string;
  repaired: string;
}

/** Every string in `data` (recursively) that contains mojibake. */
export function findMojibake(data: unknown, path: (string | number)[] = []): MojibakeFound[] {
  if (typeof data === 'string') {
    const repaired = repairMojibake(data);
    if (repaired === undefined) return [];
    const first = data.match(SUSPECT)?.[0] ?? data;
    const offset = data.indexOf(first);
    const excerpt = excerptAround(data, offset, first.length);
    return [{ path, offset, excerpt, repaired: repairMojibake(excerpt) ?? excerpt }];
  }
  if (Array.isArray(data)) return data.flatMap((item, i) => findMojibake(item, [...path, i]));
  if (data && typeof data === 'object') {
    return Object.entries(data).flatMap(([key, value]) => findMojibake(value, [...path, key]));
  }
  return [];
}

/** The whole line when short, else the words around the match: enough to find it in the file. */
function excerptAround(text: string, at: number, length: number): string {
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const lineEnd = text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at);
  const line = text.slice(lineStart, lineEnd);
  const pos = at - lineStart;
  if (line.length <= 60) return line.trim();
  const from = line.lastIndexOf(' ', Math.max(0, pos - 20));
  const to = line.indexOf(' ', pos + length + 20);
  return `${from > 0 ? '…' : ''}${line.slice(from + 1, to < 0 ? undefined : to)}${to < 0 ? '' : '…'}`;
}

/** The repaired text if `text` contains mojibake, else undefined. */
export function repairMojibake(text: string): string | undefined {
  let changed = false;
  const repaired = text.replace(SUSPECT, (run) => {
    const bytes: number[] = [];
    for (const char of run) {
      const code = char.codePointAt(0)!;
      const byte = code <= 0xff ? code : CP1252[char];
      if (byte === undefined) return run;
      bytes.push(byte);
    }
    try {
      const decoded = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
      changed = true;
      return decoded;
    } catch {
      return run;
    }
  });
  return changed ? repaired : undefined;
}
