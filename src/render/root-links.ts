import type { MarkdownRenderer } from '../markdown.js';

/**
 * Content links written from the site root ("/privacy-notice/") point under the base path
 * ("/repo/privacy-notice/"), so Markdown works unchanged on a user site and on a project site.
 * markdown-it writes every attribute as `name="…"` with quotes escaped in text, so the pattern
 * only ever meets real href and src attributes.
 */
export function prefixRootLinks(renderer: MarkdownRenderer, basePath: string): MarkdownRenderer {
  if (basePath === '/') return renderer;
  const prefix = (html: string) => html.replace(/(\s(?:href|src)=")\/(?!\/)/g, `$1${basePath}`);
  return {
    block: (markdown) => prefix(renderer.block(markdown)),
    document: (markdown) => prefix(renderer.document(markdown)),
    inline: (markdown) => prefix(renderer.inline(markdown)),
  };
}
