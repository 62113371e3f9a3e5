import matter from 'gray-matter';
import { parseYaml, type ParsedYaml } from './yaml.js';

/** A Markdown file split into its front matter and body. */
export interface SplitMarkdown {
  /** Parsed front matter; undefined when the file has none. */
  frontMatter: ParsedYaml | undefined;
  /** The Markdown after the front matter. */
  body: string;
  /** 1-based file line on which the body starts. */
  bodyLine: number;
}

/** Split with gray-matter, parsing the YAML with the `yaml` package (never gray-matter's js-yaml 3). */
export function splitFrontMatter(text: string): SplitMarkdown {
  if (!/^---[ \t]*\r?\n/.test(text)) return { frontMatter: undefined, body: text, bodyLine: 1 };
  let parsed: ParsedYaml | undefined;
  const file = matter(text, {
    engines: {
      // The front matter starts on line 2, right after the opening `---`.
      yaml: { parse: (source: string) => ((parsed = parseYaml(source, 1)), {}), stringify: () => '' },
    },
  });
  const frontMatter = parsed ?? parseYaml('', 2);
  const bodyStart = text.length - file.content.length;
  const bodyLine = text.slice(0, bodyStart).split('\n').length;
  return { frontMatter, body: file.content, bodyLine };
}
