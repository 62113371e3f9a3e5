/**
 * What the plan step makes and the render and write steps consume: every output of the site, planned
 * with what it depends on, rendered when asked.
 */

/**
 * What an output depends on, so that a dev rebuild re-renders only what a change touches:
 * `global` outputs (webinar page, archive, feeds) depend on everything; a `session` output on
 * its session and talks; a `talk` output on its talk and its session.
 */
export type OutputScope =
  | { kind: 'global' }
  | { kind: 'session'; season: number }
  | { kind: 'talk'; season: number; slug: string };

/** An output the build knows how to produce, rendered only when asked. */
export interface PlannedOutput {
  /** Path inside the output folder, forward slashes: "webinar/index.html". */
  path: string;
  scope: OutputScope;
  render(): string | Uint8Array;
  /**
   * Everything `render()` makes the file from, when the planner can say (a page: the templates, its
   * template and its context): equal inputs give equal bytes, so a repeat build may keep the last file.
   */
  inputs?(): unknown;
}

/** A file of the built site. */
export interface RenderedFile {
  path: string;
  contents: string | Uint8Array;
}

/** The files of a built site as a server reads them. */
export interface SiteFiles {
  has(path: string): boolean;
  read(path: string): string | Uint8Array | undefined;
}

/** A file copied into the output as it is; its bytes are read when it is written. */
export interface StaticFile {
  /** Path inside the output folder. */
  path: string;
  contents: () => Uint8Array;
  /** Absolute path it is copied from, for messages about it. */
  source: string;
}

export const GLOBAL: OutputScope = { kind: 'global' };
