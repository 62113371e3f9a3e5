import { copyFileSync, linkSync } from 'node:fs';

/**
 * Put the file `from` at `to` as well, without reading it: a hard link (files of the site are never
 * changed in place, only replaced), or a copy on a file system without them.
 */
export function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}
