import { escapeHtml } from '../escape.js';

/**
 * "L👀king-Glass": the 👀 is drawn as two eyes (an inline SVG, so that it never depends on the
 * visitor's fonts: without a colour-emoji font it would be an empty box) and screen readers read
 * "Looking-Glass". The whole word is swapped, not just the 👀: Chrome puts a space around visually
 * hidden (absolutely positioned) text in the accessibility tree, which would make "L oo king-Glass" of
 * a hidden "oo" inside the word. A short word stays on one line ("L / 👀king-Glass" at 320 px otherwise).
 */
export function decorativeEyes(text: string): string {
  return escapeHtml(text).replace(EYES_WORD, swapEyes);
}

/** A word: a run of characters other than white space (checked for a 👀 one by one: a pattern with the 👀 in it backtracks on long words, quadratically). */
const EYES_WORD = /\S+/gu;

/** Longer words may break: an unbreakable one wider than a phone would make the page scroll sideways. */
const UNBREAKABLE_UP_TO = 24;

/** The 👀 as two eyes in the text's own colour, about as wide as the "oo" it stands for. */
export const EYES_SVG =
  '<svg class="eyes" viewBox="0 0 26 16" width="26" height="16" focusable="false">' +
  '<ellipse cx="6.5" cy="8" rx="5.2" ry="6.8" fill="none" stroke="currentColor" stroke-width="2.2"/>' +
  '<ellipse cx="19.5" cy="8" rx="5.2" ry="6.8" fill="none" stroke="currentColor" stroke-width="2.2"/>' +
  '<circle cx="8.4" cy="9.2" r="2.6" fill="currentColor"/><circle cx="21.4" cy="9.2" r="2.6" fill="currentColor"/></svg>';

function swapEyes(word: string): string {
  if (!word.includes('👀')) return word;
  const shown = `<span aria-hidden="true">${word.replace(/👀/gu, EYES_SVG)}</span><span class="visually-hidden">${word.replace(/👀/gu, 'oo')}</span>`;
  return [...word].length <= UNBREAKABLE_UP_TO ? `<span class="eyes-word">${shown}</span>` : shown;
}

/** `decorativeEyes` for rendered Markdown: the same swap in text between tags, never inside a tag. */
export function decorativeEyesInHtml(html: string): string {
  return html
    .split(/(<[^>]*>)/)
    .map((part) => (part.startsWith('<') ? part : part.replace(EYES_WORD, swapEyes)))
    .join('');
}
