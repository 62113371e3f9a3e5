/** How seasons and talks are numbered, in file names, URLs and on the pages: one place for each form. */

/** "s05": the season's folder and URL segment. */
export function seasonSlug(season: number): string {
  return `s${twoDigits(season)}`;
}

/** "S05E02", or "S05" for a talk without a number. */
export function talkCode(season: number, episode: number | undefined): string {
  return episode === undefined ? `S${twoDigits(season)}` : `S${twoDigits(season)}E${twoDigits(episode)}`;
}

function twoDigits(n: number): string {
  return String(n).padStart(2, '0');
}
