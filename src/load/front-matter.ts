import matter from 'gray-matter';
import { parseYaml, type ParsedYaml } from './yaml.js';

/** A Markdown file split into its front matter and body. */
export interface SplitMarkdown {
  /** Parsed front matter; undefined when the file has none. */
  frontMatter: ParsedYaml | undefined;
  /** Why there is no front matter: none at all, or an opening `---` that is never closed. */
  missing?: 'none' | 'unclosed';
  /** The Markdown after the front matter. */
  body: string;
  /** 1-based file line on which the body starts. */
  bodyLine: number;
}

/** Split with gray-matter, parsing the YAML with the `yaml` package (never gray-matter's js-yaml 3). Expects LF line ends. */
export function splitFrontMatter(text: string): SplitMarkdown {
  if (!/^---[ \t]*\n/.test(text)) return { frontMatter: undefined, missing: 'none', body: text, bodyLine: 1 };
  // gray-matter would read a never-closed front matter as YAML up to the end of the file.
  if (!/\n---/.test(text.slice(3))) return { frontMatter: undefined, missing: 'unclosed', body: text, bodyLine: 1 };
  let parsed: ParsedYaml | undefined;
  const file = matter(text, {
    engines: {
      // The source begins with the newline after the opening `---`, so its first line is file line 1.
      yaml: { parse: (source: string) => ((parsed = parseYaml(source, 1)), {}), stringify: () => '' },
    },
  });
  const frontMatter = parsed ?? parseYaml('', 2);
  const bodyStart = text.length - file.content.length;
  const head = text.slice(0, bodyStart);
  // A file that ends with the closing "---" and no newline has its (empty) body on the next line.
  const bodyLine = head.split('\n').length + (head.endsWith('\n') ? 0 : 1);
  return { frontMatter, body: file.content, bodyLine };
}
