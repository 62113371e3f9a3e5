import MarkdownIt from 'markdown-it';

/** Markdown → HTML for abstracts, bios and pages. Raw HTML is off: content cannot inject markup. */
export interface MarkdownRenderer {
  block(markdown: string): string;
  inline(markdown: string): string;
}

/** An image in Markdown: its address as written and the 0-based line of the text it is on. */
export interface MarkdownImage {
  src: string;
  line: number;
}

function createMarkdownIt() {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
  // Bare URLs with a scheme become links ("https://doi.org/…"); guessing links from "example.org" is slow and surprising.
  md.linkify.set({ fuzzyLink: false, fuzzyEmail: false });
  return md;
}

/**
 * The one markdown-it instance of a build. With `memo`, results are kept by source text, so a dev
 * rebuild renders only the Markdown that changed.
 */
export function createMarkdownRenderer(memo?: Map<string, string>): MarkdownRenderer {
  const md = createMarkdownIt();
  // An image is a file of content/static/, written "/images/a.png" or "images/a.png" (validation refuses
  // any other): both are served from the site root, whichever page shows the text.
  md.core.ruler.push('images_from_site_root', (state) => {
    for (const token of state.tokens) {
      for (const child of token.children ?? []) {
        const src = child.type === 'image' ? child.attrGet('src') : null;
        if (typeof src === 'string' && !src.startsWith('/') && !/^[a-z][a-z0-9+.-]*:/i.test(src)) child.attrSet('src', `/${src.replace(/^(\.\/)+/, '')}`);
      }
    }
  });
  const remembered = (kind: string, render: (text: string) => string) => (text: string) => {
    if (!memo) return render(text);
    const key = kind + text;
    let html = memo.get(key);
    if (html === undefined) memo.set(key, (html = render(text)));
    return html;
  };
  return {
    block: remembered('b', (text) => md.render(text)),
    inline: remembered('i', (text) => md.renderInline(text)),
  };
}

/**
 * Every image of a piece of Markdown, the only thing it can embed (raw HTML is off). The line is that of
 * the image inside the text: its paragraph's first line plus the line breaks before it.
 */
export function findImages(markdown: string): MarkdownImage[] {
  // Most text has no image, and making a parser costs about a millisecond.
  if (!markdown.includes('![')) return [];
  const images: MarkdownImage[] = [];
  for (const token of createMarkdownIt().parse(markdown, {})) {
    if (token.type !== 'inline' || !token.children) continue;
    let line = token.map?.[0] ?? 0;
    for (const child of token.children) {
      if (child.type === 'softbreak' || child.type === 'hardbreak') line++;
      if (child.type === 'image') images.push({ src: String(child.attrGet('src') ?? ''), line });
    }
  }
  return images;
}
