import type { SiteModel, Talk } from '../model/types.js';

/**
 * The archive's search index: for each past talk (by its anchor), the distinct words of its title,
 * abstract, speakers, affiliations and topics, lower-cased and without accents. The archive lists every
 * talk but not its abstract; assets/archive-search.js fetches this once, at the first search, and finds
 * a talk when each word typed starts or is inside one of these. Words are folded as that script folds
 * what is typed (NFD, marks removed, lower case), and split on anything but letters and digits.
 */
export function renderSearchIndex(model: SiteModel): string {
  const talks: Record<string, string> = {};
  for (const session of model.past) {
    for (const talk of session.talks) talks[talk.slug] = [...new Set(searchWords(talk))].join(' ');
  }
  return `${JSON.stringify({ talks })}\n`;
}

function searchWords(talk: Talk): string[] {
  const people = talk.speakers.flatMap((speaker) => [speaker.name, speaker.affiliation ?? '', speaker.location ?? '']);
  // Link targets and bare addresses are not words of the text.
  const abstract = talk.abstract.replace(/\]\([^)]*\)/g, ']').replace(/https?:\/\/\S+/g, ' ');
  return [talk.code, talk.title, abstract, ...people, ...talk.topics].flatMap(foldedWords);
}

/** "Jiménez-Sánchez's" → ["jimenez", "sanchez", "s"]. */
export function foldedWords(text: string): string[] {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}
