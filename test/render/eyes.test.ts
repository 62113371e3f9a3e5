import { describe, expect, it } from 'vitest';
import { decorativeEyes, decorativeEyesInHtml } from '../../src/render/eyes.js';

const SWAPPED = '<span aria-hidden="true">L👀king-Glass</span><span class="visually-hidden">Looking-Glass</span>';

describe('the decorative 👀', () => {
  it('#7 swaps the whole word, so that screen readers read "Looking-Glass" and not "L oo king-Glass"', () => {
    expect(decorativeEyes('Datasets through the L👀king-Glass')).toBe(`Datasets through the ${SWAPPED}`);
    expect(decorativeEyes('A & B <L👀k>')).toBe('A &amp; B <span aria-hidden="true">&lt;L👀k&gt;</span><span class="visually-hidden">&lt;Look&gt;</span>');
  });

  it('#7 swaps it in rendered Markdown between tags, never inside a tag', () => {
    expect(decorativeEyesInHtml('<p>Datasets through the L👀king-Glass is a <a href="https://x.org/?q=L👀k" title="L👀king">series</a>.</p>')).toBe(
      `<p>Datasets through the ${SWAPPED} is a <a href="https://x.org/?q=L👀k" title="L👀king">series</a>.</p>`,
    );
    expect(decorativeEyesInHtml('<p>no eyes here</p>')).toBe('<p>no eyes here</p>');
  });
});
