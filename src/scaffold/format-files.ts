import { seasonSlug, talkCode } from '../model/codes.js';
import { toSlug } from '../model/slug.js';

/** What a new talk file is made from. */
export interface TalkDraft {
  season: number;
  episode: number;
  title: string;
  /** Full names, in credit order. */
  speakers: string[];
}

/** Comments start in this column, so the file reads as a form. */
const COMMENT_COLUMN = 29;

/** "s11e01-lovelace-babbage.md": the code, then the speakers' surnames, as the existing files are named. */
export function formatTalkFileName(draft: TalkDraft): string {
  const surnames = draft.speakers.map((name) => name.trim().split(/\s+/).at(-1) ?? name).join(' ');
  return `${talkCode(draft.season, draft.episode).toLowerCase()}${surnames ? `-${toSlug(surnames)}` : ''}.md`;
}

/** A talk file with every key present and commented; the abstract is left for the organizer to write. */
export function formatTalkFile(draft: TalkDraft): string {
  const folder = `seasons/${seasonSlug(draft.season)}`;
  const speakers = draft.speakers.flatMap((name, i) => [
    line(`  - name: ${quote(name)}`, i === 0 ? 'one entry per speaker, in credit order' : ''),
    line('    honorific:', 'Dr. or Prof. (the dot is optional); empty for none'),
    line('    affiliation:', 'university, company or lab'),
    line('    location:', 'country, or city and country'),
    line('    website:', 'https://…'),
    line('    bio:', 'a few sentences, Markdown; for paragraphs write "bio: |-" and indent them below'),
    line('    photo:', 'optional: a .jpg or .png in content/static/, e.g. photos/lovelace.jpg'),
  ]);
  return [
    '---',
    `# ${talkCode(draft.season, draft.episode)}, written by "npm run new". Fill in what you know: a key left empty is not shown.`,
    '# Every key is explained in docs/content-keys.md. Run "npm run check" when done.',
    line(`season: ${draft.season}`, `the session this talk belongs to: ${folder}/session.yaml`),
    line(`episode: ${draft.episode}`, `${talkCode(draft.season, draft.episode)}; delete the line for a talk without a number`),
    line('slot:', 'position in the session, only when it differs from the episode'),
    line(`title: ${quote(draft.title)}`, 'keep the quotes: they allow a ": " in the title'),
    line('speakers:', ''),
    ...speakers,
    line('joint_bio:', 'one bio for several speakers together, Markdown'),
    line('recording:', 'https://youtu.be/… once the video is up (without ?si=…)'),
    line('topics:', 'what it is about, e.g. ["Fairness", "Segmentation"]; write a topic as the other talks do (see /topics/)'),
    line('links:', ''),
    line('  slides:', 'https://…'),
    line('  website:', "https://…, the talk's or project's page"),
    line('extra:', 'free-form data for custom templates'),
    '# The abstract goes below the next line, as Markdown: paragraphs, [links](https://…), *emphasis*.',
    '---',
    '',
  ].join('\n');
}

/** A session file for a new season: date to be announced until start and timezone are filled in. */
export function formatSessionFile(season: number): string {
  return [
    `# Session facts shared by every talk of season ${season}, written by "npm run new".`,
    '# Leave start, timezone and registration empty while the date is to be announced.',
    line(`season: ${season}`, ''),
    line('topic:', 'e.g. Dataset design and metrics; empty while not announced'),
    line('start:', 'local time in quotes, e.g. "2026-03-23 16:00"'),
    line('timezone:', 'IANA zone of start, e.g. Europe/Copenhagen (never CET)'),
    line('duration:', 'minutes; empty for the site default'),
    line('registration:', 'https://…zoom.us/meeting/register/…'),
    line('join:', 'a direct join link, where one is published instead'),
    line('status:', 'scheduled (the default), cancelled, postponed or rescheduled'),
    line('previous_start:', 'with status: rescheduled, the start it had before'),
    '',
  ].join('\n');
}

/** A YAML double-quoted scalar: JSON's escapes are a subset of YAML's. */
function quote(text: string): string {
  return JSON.stringify(text.trim());
}

function line(text: string, comment: string): string {
  return comment ? `${text.padEnd(COMMENT_COLUMN - 1)} # ${comment}` : text;
}
