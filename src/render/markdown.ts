import MarkdownIt from 'markdown-it';

/** Markdown → HTML for abstracts, bios and pages. Raw HTML is off: content cannot inject markup. */
export interface MarkdownRenderer {
  block(markdown: string): string;
  inline(markdown: string): string;
}

/** The one markdown-it instance of a build. */
export function createMarkdownRenderer(): MarkdownRenderer {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
  return {
    block: (markdown) => md.render(markdown),
    inline: (markdown) => md.renderInline(markdown),
  };
}
