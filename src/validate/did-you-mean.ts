/**
 * Longer words get no suggestion: a typo is a word or a short phrase, and comparing two long texts
 * letter by letter would take time and memory growing with the product of their lengths (a 96 KB
 * `timezone` took 52 s).
 */
const LONGEST_WORD = 100;

/** The allowed key closest to a typo, if it is close enough to be what was meant. */
export function didYouMean(typo: string, allowed: readonly string[]): string | undefined {
  if (typo.length > LONGEST_WORD) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    // Up to a third of the word may be wrong: "speker", "affilation", "registation" all qualify.
    const allowance = Math.max(1, Math.floor(candidate.length / 3));
    // The difference in length is a lower bound of the distance: skip what cannot qualify.
    if (candidate.length > LONGEST_WORD || Math.abs(candidate.length - typo.length) > allowance) continue;
    const distance = editDistance(typo.toLowerCase(), candidate.toLowerCase());
    if (distance <= allowance && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance with adjacent transpositions counted as one edit. */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d[i - 2]![j - 2]! + 1);
      d[i]![j] = value;
    }
  }
  return d[a.length]![b.length]!;
}
