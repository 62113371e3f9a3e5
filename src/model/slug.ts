import slugify from '@sindresorhus/slugify';

/** ASCII URL segment: "Damgaard Eriksen" → "damgaard-eriksen", "Zając" → "zajac". */
export function toSlug(text: string): string {
  return slugify(text);
}
