import { escapeXml } from '../escape.js';

/** Width and height of share images: the 1.91:1 size Open Graph and Twitter cards crop least. */
export const OG_IMAGE_SIZE = { width: 1200, height: 630 } as const;

/** What a share image says besides the series title. */
export interface OgImageText {
  /** "S05 · Dataset design and metrics"; omitted on the series image. */
  heading?: string;
  /** "Monday 25 March 2024, 16:00–17:30 CET" or "Date to be announced". */
  when?: string;
  /** "medical-datasets.github.io". */
  host: string;
}

const TITLE_SIZE = 76;
// Advance widths of DejaVu Sans Bold in em (hmtx table), to place the drawn 👀 after the "L".
const L_ADVANCE = 0.637;
const O_ADVANCE = 0.687;
const LEFT = 80;
// The site's own colours (templates/assets/style.css): the accent navy, the text navy, the soft accent.
const NAVY = '#2a4a9b';
const INK = '#1b2130';
const SOFT = '#dfe6f7';

/** The share image as SVG: the series title with the 👀 drawn as two eyes (the font has no emoji). */
export function ogImageSvg(text: OgImageText): string {
  const { width, height } = OG_IMAGE_SIZE;
  const line2 = 250;
  const eyesX = LEFT + L_ADVANCE * TITLE_SIZE;
  const eye = (i: number) => {
    const cx = eyesX + (i + 0.5) * O_ADVANCE * TITLE_SIZE;
    const cy = line2 - 0.27 * TITLE_SIZE;
    return `<circle cx="${cx}" cy="${cy}" r="${0.28 * TITLE_SIZE}" fill="#ffffff"/><circle cx="${cx + 6}" cy="${cy + 4}" r="${0.13 * TITLE_SIZE}" fill="${INK}"/>`;
  };
  const headingLines = text.heading ? wrap(text.heading, 38, 2) : [];
  const heading = headingLines
    .map((line, i) => `<text x="${LEFT}" y="${370 + i * 56}" font-size="46" font-weight="bold">${escapeXml(line)}</text>`)
    .join('');
  const whenY = 370 + Math.max(headingLines.length, 1) * 56 + 10;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="${NAVY}"/>`,
    `<rect y="${height - 90}" width="${width}" height="90" fill="${INK}"/>`,
    `<g font-family="DejaVu Sans" fill="#ffffff">`,
    `<text x="${LEFT}" y="90" font-size="30" letter-spacing="4" fill="${SOFT}">WEBINAR SERIES</text>`,
    `<text x="${LEFT}" y="170" font-size="${TITLE_SIZE}" font-weight="bold">Datasets through the</text>`,
    `<text x="${LEFT}" y="${line2}" font-size="${TITLE_SIZE}" font-weight="bold">L</text>`,
    eye(0),
    eye(1),
    `<text x="${eyesX + 2 * O_ADVANCE * TITLE_SIZE}" y="${line2}" font-size="${TITLE_SIZE}" font-weight="bold">king-Glass</text>`,
    heading,
    text.when ? `<text x="${LEFT}" y="${whenY}" font-size="34" fill="${SOFT}">${escapeXml(text.when)}</text>` : '',
    `<text x="${LEFT}" y="${height - 33}" font-size="30" fill="${SOFT}">${escapeXml(text.host)}</text>`,
    `</g></svg>`,
  ].join('');
}

/** Greedy word wrap to at most `maxLines` lines, the last one ending in "…" when text is left over. */
export function wrap(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (current && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else {
      current = current ? `${current} ${word}` : word;
    }
  }
  if (current) lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, width - 1).trimEnd()}…`;
  return kept;
}

