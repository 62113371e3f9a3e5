import { describe, expect, it } from 'vitest';
import { decorativeEyes, decorativeEyesInHtml, EYES_SVG } from '../../src/render/eyes.js';

const SWAPPED = `<span class="eyes-word"><span aria-hidden="true">L${EYES_SVG}king-Glass</span><span class="visually-hidden">Looking-Glass</span></span>`;

describe('the decorative 👀', () => {
  it('#7 swaps the whole word, so that screen readers read "Looking-Glass" and not "L oo king-Glass"', () => {
    expect(decorativeEyes('Datasets through the L👀king-Glass')).toBe(`Datasets through the ${SWAPPED}`);
    expect(decorativeEyes('A & B <L👀k>')).toBe(
      `A &amp; B <span class="eyes-word"><span aria-hidden="true">&lt;L${EYES_SVG}k&gt;</span><span class="visually-hidden">&lt;Look&gt;</span></span>`,
    );
  });

  it('#7 swaps it in rendered Markdown between tags, never inside a tag', () => {
    expect(decorativeEyesInHtml('<p>Datasets through the L👀king-Glass is a <a href="https://x.org/?q=L👀k" title="L👀king">series</a>.</p>')).toBe(
      `<p>Datasets through the ${SWAPPED} is a <a href="https://x.org/?q=L👀k" title="L👀king">series</a>.</p>`,
    );
    expect(decorativeEyesInHtml('<p>no eyes here</p>')).toBe('<p>no eyes here</p>');
  });

  it('draws the 👀 as an SVG, so that it never depends on the visitor\'s fonts (no emoji is left in the text)', () => {
    const html = decorativeEyes('Datasets through the L👀king-Glass');
    expect(html.replace(/<span class="visually-hidden">[^<]*<\/span>/g, '')).not.toContain('👀');
    expect(EYES_SVG).toMatch(/^<svg class="eyes" [^>]*>.*<\/svg>$/);
  });

  it('keeps a short word with the 👀 on one line, but lets a long one break (it would not fit a phone)', () => {
    expect(decorativeEyes('L👀king-Glass')).toContain('class="eyes-word"');
    expect(decorativeEyes(`L👀${'o'.repeat(40)}`)).not.toContain('class="eyes-word"');
  });
});
