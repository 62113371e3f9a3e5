import { escapeHtml } from '../escape.js';

/**
 * "L👀king-Glass": the 👀 is decoration; screen readers read "Looking-Glass". The whole word is
 * swapped, not just the 👀: Chrome puts a space around visually hidden (absolutely positioned) text
 * in the accessibility tree, which would make "L oo king-Glass" of a hidden "oo" inside the word.
 */
export function decorativeEyes(text: string): string {
  return escapeHtml(text).replace(EYES_WORD, swapEyes);
}

/** A word: a run of characters other than white space (checked for a 👀 one by one: a pattern with the 👀 in it backtracks on long words, quadratically). */
const EYES_WORD = /\S+/gu;

function swapEyes(word: string): string {
  if (!word.includes('👀')) return word;
  return `<span aria-hidden="true">${word}</span><span class="visually-hidden">${word.replace(/👀/gu, 'oo')}</span>`;
}

/** `decorativeEyes` for rendered Markdown: the same swap in text between tags, never inside a tag. */
export function decorativeEyesInHtml(html: string): string {
  return html
    .split(/(<[^>]*>)/)
    .map((part) => (part.startsWith('<') ? part : part.replace(EYES_WORD, swapEyes)))
    .join('');
}

