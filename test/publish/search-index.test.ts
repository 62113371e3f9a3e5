import { describe, expect, it } from 'vitest';
import { foldedWords } from '../../src/publish/search-index.js';
import { buildAt } from '../helpers/site.js';

describe("the archive's search index (webinar_talks/search-index.json)", () => {
  it('folds words as the archive folds what is typed: lower case, no accents, split at anything but letters and digits', () => {
    expect(foldedWords('Jiménez-Sánchez, Zając; ÆØÅ 2024 X-ray')).toEqual(['jimenez', 'sanchez', 'zajac', 'æøa', '2024', 'x', 'ray']);
  });

  it('has the distinct words of each past talk, abstracts included, link targets not, and no upcoming talk', async () => {
    const site = await buildAt('2024-03-20T12:00:00+01:00');
    try {
      const { talks } = JSON.parse(await site.read('webinar_talks/search-index.json')) as { talks: Record<string, string> };
      expect(Object.keys(talks)).toHaveLength(12);
      expect(Object.keys(talks)).not.toContain('s05e01');
      const words = talks.s02e02!.split(' ');
      expect(new Set(words).size).toBe(words.length);
      expect(words).toEqual(expect.arrayContaining(['dementia', 'bron', 'erasmus']));
      // The abstract links to a DOI: its words are in, its address is not.
      expect(words).not.toContain('doi');
      expect(words).not.toContain('https');
    } finally {
      await site.cleanup();
    }
  });
});
