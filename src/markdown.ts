import MarkdownIt from 'markdown-it';

/** Markdown → HTML for abstracts, bios and pages. Raw HTML is off: content cannot inject markup. */
export interface MarkdownRenderer {
  /** Text inside a card or section (abstract, bio, description): a heading in it reads as a bold paragraph. */
  block(markdown: string): string;
  /** A content page: headings start at h2 (the page's title is its one h1). */
  document(markdown: string): string;
  inline(markdown: string): string;
}

/** An image in Markdown: its address as written and the 0-based line of the text it is on. */
export interface MarkdownImage {
  src: string;
  line: number;
}

function createMarkdownIt(headings: 'document' | 'text' = 'document') {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
  // Bare URLs with a scheme become links ("https://doi.org/…"); guessing links from "example.org" is slow and surprising.
  md.linkify.set({ fuzzyLink: false, fuzzyEmail: false });
  // A page has one h1 and no empty heading (a lone "#" is one in Markdown); inside a card a heading would
  // break the outline of the page around it, so there it is a paragraph in bold.
  md.core.ruler.push('headings_in_place', (state) => {
    const tokens = state.tokens;
    for (let i = tokens.length - 3; i >= 0; i--) {
      const [open, inline, close] = [tokens[i]!, tokens[i + 1]!, tokens[i + 2]!];
      if (open.type !== 'heading_open') continue;
      if (inline.content.trim() === '') {
        tokens.splice(i, 3);
      } else if (headings === 'document') {
        if (open.tag === 'h1') open.tag = close.tag = 'h2';
      } else {
        open.type = 'paragraph_open';
        close.type = 'paragraph_close';
        open.tag = close.tag = 'p';
        const strong = (type: string, nesting: 1 | -1) => Object.assign(new state.Token(type, 'strong', nesting), { markup: '**' });
        inline.children = [strong('strong_open', 1), ...(inline.children ?? []), strong('strong_close', -1)];
      }
    }
  });
  // A link must say where it goes: one without text ("[](https://…)", "[ ](…)", or only an image without
  // alt text) is invisible and unnamed for a screen reader, so it shows its address instead.
  md.core.ruler.push('links_with_text', (state) => {
    for (const token of state.tokens) {
      const children = token.children ?? [];
      for (let i = children.length - 1; i >= 0; i--) {
        if (children[i]!.type !== 'link_open') continue;
        // Links do not nest in Markdown: the contents run to the next link_close.
        let end = i + 1;
        let text = '';
        // An image's content is its alt text.
        for (; end < children.length && children[end]!.type !== 'link_close'; end++) text += children[end]!.content;
        if (/\S/u.test(text)) continue;
        const address = Object.assign(new state.Token('text', '', 0), { content: children[i]!.attrGet('href') ?? '' });
        children.splice(i + 1, end - i - 1, address);
      }
    }
  });
  return md;
}

/**
 * The Markdown renderer of a build. Each text is rendered once (the pages and the feed share it); with a
 * `memo` kept across dev rebuilds, a rebuild renders only the Markdown that changed. Links written from
 * the site root ("/privacy-notice/") point under `basePath` ("/repo/privacy-notice/"), so Markdown works
 * unchanged on a user site and on a project site.
 */
export function createMarkdownRenderer({ memo = new Map<string, string>(), basePath = '/' }: { memo?: Map<string, string>; basePath?: string } = {}): MarkdownRenderer {
  const [text, page] = [createMarkdownIt('text'), createMarkdownIt('document')];
  // An image is a file of content/static/, written "/images/a.png" or "images/a.png" (validation refuses
  // any other): both are served from the site root, whichever page shows the text.
  for (const md of [text, page]) {
    md.core.ruler.push('images_from_site_root', (state) => {
      for (const token of state.tokens) {
        for (const child of token.children ?? []) {
          const src = child.type === 'image' ? child.attrGet('src') : null;
          if (typeof src === 'string' && !src.startsWith('/') && !/^[a-z][a-z0-9+.-]*:/i.test(src)) child.attrSet('src', `/${src.replace(/^(\.\/)+/, '')}`);
        }
      }
    });
  }
  // markdown-it writes every attribute as name="…" with quotes escaped in text, so the pattern only ever
  // meets real href and src attributes.
  const underBase = basePath === '/' ? (html: string) => html : (html: string) => html.replace(/(\s(?:href|src)=")\/(?!\/)/g, `$1${basePath}`);
  const remembered = (kind: string, render: (text: string) => string) => (text: string) => {
    const key = `${kind}${basePath}\0${text}`;
    let html = memo.get(key);
    if (html === undefined) memo.set(key, (html = underBase(render(text))));
    return html;
  };
  return {
    block: remembered('b', (markdown) => text.render(markdown)),
    document: remembered('d', (markdown) => page.render(markdown)),
    inline: remembered('i', (markdown) => text.renderInline(markdown)),
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
