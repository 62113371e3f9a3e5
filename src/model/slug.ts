import { createHash } from 'node:crypto';
import slugify from '@sindresorhus/slugify';

/** Longest segment a slug gives a URL and a file name (file systems allow 255 bytes a name). */
const MAX_SLUG = 80;

/**
 * ASCII URL segment: "Damgaard Eriksen" → "damgaard-eriksen", "Zając" → "zajac". A longer one is cut
 * and ends in a hash of the whole text, so that two long texts still get two segments.
 */
export function toSlug(text: string): string {
  const slug = slugify(text);
  if (slug.length <= MAX_SLUG) return slug;
  return `${slug.slice(0, MAX_SLUG - 11).replace(/-+$/, '')}-${createHash('sha256').update(text).digest('hex').slice(0, 10)}`;
}
