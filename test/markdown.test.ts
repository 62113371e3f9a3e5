import { describe, expect, it } from 'vitest';
import { createMarkdownRenderer, findImages } from '../src/markdown.js';

const markdown = createMarkdownRenderer();

describe('createMarkdownRenderer', () => {
  it('shows raw HTML as text: content cannot inject markup', () => {
    expect(markdown.block('<script>alert(1)</script> and <b>bold</b>')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt; and &lt;b&gt;bold&lt;/b&gt;</p>\n');
  });

  it('#12 turns a heading inside an abstract or a bio into a bold paragraph, and drops an empty one', () => {
    expect(markdown.block('# Results\n\n#\n\nText.')).toBe('<p><strong>Results</strong></p>\n<p>Text.</p>\n');
  });

  it('#12 starts the headings of a content page at h2 (the title is the one h1), and drops an empty one', () => {
    expect(markdown.document('# Who we are\n\n## Data\n\n###\n')).toBe('<h2>Who we are</h2>\n<h2>Data</h2>\n');
  });

  it('#12 shows the address of a link that has no text, so that no link on a page is empty', () => {
    expect(markdown.block('[](https://a.example/) [ ](/privacy-notice/) ![[](/photos/p.jpg) [![](/p.png)](https://b.example/) [x](https://c.example/)')).toBe(
      '<p><a href="https://a.example/">https://a.example/</a> <a href="/privacy-notice/">/privacy-notice/</a> ![<a href="/photos/p.jpg">/photos/p.jpg</a> <a href="https://b.example/">https://b.example/</a> <a href="https://c.example/">x</a></p>\n',
    );
  });

  it('serves an image of the site from the root, written with or without the leading slash', () => {
    expect(markdown.block('![a](images/a.png) ![b](./images/b.png) ![c](/images/c.png)')).toBe(
      '<p><img src="/images/a.png" alt="a"> <img src="/images/b.png" alt="b"> <img src="/images/c.png" alt="c"></p>\n',
    );
  });
});

describe('findImages', () => {
  it('finds every image with the line it is on, in paragraphs, lists and references', () => {
    const text = 'One\nline ![a](https://x.example/a.png)\n\n- ![b](/b.png)\n\n![c][ref]\n\n[ref]: data:image/png;base64,AAA\n';
    expect(findImages(text)).toEqual([
      { src: 'https://x.example/a.png', line: 1 },
      { src: '/b.png', line: 3 },
      { src: 'data:image/png;base64,AAA', line: 5 },
    ]);
  });

  it('finds none in a link to an image, or in text without "!["', () => {
    expect(findImages('[a link](https://x.example/a.png) and https://x.example/b.png')).toEqual([]);
  });
});
