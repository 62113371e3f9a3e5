import MarkdownIt from 'markdown-it';

/** Markdown → HTML for abstracts, bios and pages. Raw HTML is off: content cannot inject markup. */
export interface MarkdownRenderer {
  block(markdown: string): string;
  inline(markdown: string): string;
}

/**
 * The one markdown-it instance of a build. With `memo`, results are kept by source text, so a dev
 * rebuild renders only the Markdown that changed.
 */
export function createMarkdownRenderer(memo?: Map<string, string>): MarkdownRenderer {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
  // Bare URLs with a scheme become links ("https://doi.org/…"); guessing links from "example.org" is slow and surprising.
  md.linkify.set({ fuzzyLink: false, fuzzyEmail: false });
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
