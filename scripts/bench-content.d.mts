// Types of scripts/bench-content.mjs, for the TypeScript tests that import it.

/** The repository's content folder, whose site.yaml and pages/ the synthetic content copies. */
export declare const REAL_CONTENT_DIR: string;

/** A seeded PRNG returning floats in [0, 1). */
export declare function mulberry32(seed: number): () => number;

/** An ASCII slug of a name: "Jiménez-Sánchez" → "jimenez-sanchez". */
export declare function asciiSlug(text: string): string;

export interface GenerateOptions {
  /** Number of talks (seasons of three). */
  talks: number;
  /** PRNG seed; the same talks and seed give byte-identical files. */
  seed?: number;
  /** Content folder to copy site.yaml and pages/ from (default: the repository's content/). */
  siteFrom?: string;
}

export interface GeneratedContent {
  dir: string;
  talks: number;
  seasons: number;
  /** Absolute paths of the talk files, in season and episode order. */
  talkPaths: string[];
}

/** Write synthetic content in the organizers' format into `dir`. */
export declare function generateContent(dir: string, options: GenerateOptions): Promise<GeneratedContent>;
