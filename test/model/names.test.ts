import { describe, expect, it } from 'vitest';
import type { Speaker } from '../../src/model/types.js';
import { joinAnd, speakersLine } from '../../src/model/names.js';

const speaker = (name: string, affiliation?: string, location?: string, honorific?: 'Dr.' | 'Prof.'): Speaker => ({
  name, affiliation, location, honorific, website: undefined, bio: undefined,
});

describe('speakersLine', () => {
  it('shares the brackets between speakers of the same place', () => {
    expect(
      speakersLine([speaker('Hubert Dariusz Zając', 'University of Copenhagen', 'Denmark'), speaker('Natalia-Rozalia Avlona', 'University of Copenhagen', 'Denmark')]),
    ).toBe('Hubert Dariusz Zając and Natalia-Rozalia Avlona (University of Copenhagen, Denmark)');
  });

  it('keeps different places apart and shows honorifics', () => {
    expect(speakersLine([speaker('Alceu Bissoto', 'UNICAMP', 'Brazil'), speaker('Sandra Avila', 'UNICAMP', 'Brazil', 'Dr.'), speaker('X Y', 'DKFZ', 'Germany')])).toBe(
      'Alceu Bissoto and Dr. Sandra Avila (UNICAMP, Brazil) and X Y (DKFZ, Germany)',
    );
  });

  it('joins three names with commas and "and"', () => {
    expect(joinAnd(['A', 'B', 'C'])).toBe('A, B and C');
  });
});
