// Synthetic content for `npm run bench`, in the organizers' format (README "Content"): seasons of three
// talks, each talk a Markdown file with front matter (one or two speakers with non-ASCII names,
// honorifics, affiliations, locations, websites, bios of about 120 words; names repeat, so many people
// speak more than once), one to three topics, and an abstract of about
// 250 words; session.yaml files with weekly-ish starts in Europe/Copenhagen going back from the
// benchmark's "now", a few upcoming sessions and a few without a date yet. site.yaml and pages/ are
// copied from the real content. Everything comes from a seeded PRNG (mulberry32): the same number of
// talks and seed give byte-identical files.

import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's real content, whose site.yaml and pages/ the synthetic site reuses. */
export const REAL_CONTENT_DIR = fileURLToPath(new URL('../content/', import.meta.url));

/** Past sessions end before this day; the benchmark builds with --now on it. */
const LAST_PAST_DAY = Date.UTC(2026, 10, 23); // 2026-11-23, a Monday before 2026-11-27
const DAY = 86_400_000;
const TALKS_PER_SEASON = 3;
/** Sessions after the last past one: dated upcoming ones, then ones without a date. */
const UPCOMING_DATED = 2;
const UPCOMING_UNDATED = 2;

/** mulberry32: a tiny, fast, seeded 32-bit PRNG returning floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random helpers over one PRNG. */
function randomTools(seed) {
  const next = mulberry32(seed);
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (items) => items[Math.floor(next() * items.length)];
  const chance = (p) => next() < p;
  const token = (length) => Array.from({ length }, () => pick(TOKEN_CHARS)).join('');
  return { next, int, pick, chance, token };
}

const TOKEN_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-'.split('');

const FIRST_NAMES = [
  'Amelia', 'Hubert', 'Annika', 'Théo', 'Veronika', 'Søren', 'Zoë', 'José', 'Maëlle', 'Łukasz',
  'Ingrid', 'Chiara', 'Mehmet', 'Aïcha', 'Bjørn', 'Renée', 'Dvořák', 'Ngozi', 'Hiroshi', 'Priya',
  'Sebastián', 'Elif', 'Oğuz', 'Małgorzata', 'François', 'Jürgen', 'Ana', 'Kwame', 'Mei', 'Rhys',
];
const LAST_NAMES = [
  'Zając', 'Jiménez-Sánchez', 'Müller', 'Øster', 'Çelik', 'Reinke', 'Sourget', 'Cheplygina',
  'Groefsema', 'Nørgaard', 'Åberg', 'García', 'Kowalczyk', 'Şahin', 'Dubois', 'Rossi', 'O’Brien',
  'Nakamura', 'Okonkwo', 'Ramachandran', 'Van der Berg', 'Lefèvre', 'Björklund', 'Jensen', 'Ødegaard',
];
const AFFILIATIONS = [
  'IT University of Copenhagen', 'University of Copenhagen', 'Universitat de Barcelona', 'DKFZ',
  'Technical University of Denmark', 'Université Paris Cité', 'Uniwersytet Warszawski',
  'Technische Universität München', 'Boğaziçi University', 'University of Groningen', 'Karolinska Institutet',
  'Universidad de los Andes', 'University of Oslo', 'Stanford University', 'Imperial College London',
];
const LOCATIONS = ['Denmark', 'Spain', 'Germany', 'France', 'Poland', 'Türkiye', 'the Netherlands', 'Sweden', 'Colombia', 'Norway', 'USA', 'United Kingdom'];
const TOPICS = [
  'Dataset design and metrics', 'Shortcuts and bias', 'Rethinking annotations', 'Multimodal datasets',
  'Language and image data', 'Investigating medical datasets', 'Evaluation metrics', 'Data documentation',
  'Fairness in medical imaging', 'Synthetic data', 'Label noise', 'Federated and private data',
];
/** Topics a talk is tagged with (one to three), as organizers would write them. */
const TALK_TOPICS = [
  'Annotation', 'Fairness', 'Segmentation', 'Dermatology', 'Chest X-ray', 'Evaluation metrics', 'Open data',
  'Dataset creation', 'Shortcut learning', 'Multimodal data', 'Neuroimaging', 'Pathology', 'Ophthalmology',
  'Label noise', 'Synthetic data', 'Privacy', 'Calibration', 'Observer variability', 'Sustainability', 'Language data',
];
const START_TIMES = ['16:00', '16:00', '15:00', '13:00', '10:00', '09:30'];
const TITLE_HEADS = [
  'Ground truth or dare', 'Why your dataset matters', 'Shortcuts in the wild', 'Beyond accuracy',
  'Through the looking-glass', 'Who labels the labellers?', 'Data cards in practice', 'Hidden stratification',
  'A tale of two hospitals', 'Metadata counts', 'The long tail of pathology', 'Learning from noisy labels',
];
const TITLE_TAILS = [
  'factors affecting the creation of medical datasets', 'choosing the right metrics for biomedical image analysis',
  'spurious correlations in chest X-ray data', 'auditing skin lesion datasets', 'what the annotations do not say',
  'documentation for multimodal data', 'fairness across scanners and sites', 'lessons from ten challenges',
];
const WORDS = (
  'data dataset datasets annotation annotations label labels labelling model models training evaluation metric ' +
  'metrics bias shortcut shortcuts fairness imaging medical clinical hospital hospitals scanner scanners patient ' +
  'patients cohort cohorts distribution shift robustness generalization segmentation classification detection ' +
  'benchmark benchmarks challenge challenges curation documentation metadata provenance consent privacy quality ' +
  'noise uncertainty performance accuracy calibration validation reproducibility transparency accountability ' +
  'we show that the of and in to a for with on how our this these which across between while often rarely ' +
  'important critical hidden subtle spurious large small public private open diverse underrepresented ' +
  'researchers clinicians practitioners communities annotators experts algorithms pipelines workflows ' +
  'study studies analysis experiments results findings evidence practice practices design decisions context'
).split(' ');
const EMPHASIS = ['not', 'before', 'why', 'all', 'how', 'who'];

/** A name as the file name and URLs may carry it: "Jiménez-Sánchez" → "jimenez-sanchez". */
export function asciiSlug(text) {
  return text
    .replace(/[øØ]/g, 'o').replace(/[łŁ]/g, 'l').replace(/ß/g, 'ss').replace(/[æÆ]/g, 'ae').replace(/[ıİ]/g, 'i')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A YAML scalar, plain when that is safe, double-quoted otherwise (JSON strings are valid YAML). */
function yamlScalar(value) {
  const plainIsSafe = /^[\p{L}\p{N}][^:#\n"'{}[\],&*!|>%@`]*$/u.test(value) && !/^(true|false|null|yes|no|on|off|~|[\d.+-]+)$/i.test(value);
  return plainIsSafe ? value : JSON.stringify(value);
}

/** A literal block scalar (`|-`) indented by `indent` spaces. */
function yamlBlock(text, indent) {
  const pad = ' '.repeat(indent);
  return `|-\n${text.split('\n').map((line) => (line ? pad + line : '')).join('\n')}`;
}

/** One sentence of 8–18 words; sometimes with *emphasis* or a link. */
function sentence(rnd, { link = false } = {}) {
  const words = Array.from({ length: rnd.int(8, 18) }, () => rnd.pick(WORDS));
  if (rnd.chance(0.15)) words[rnd.int(1, words.length - 1)] = `*${rnd.pick(EMPHASIS)}*`;
  if (link) words.splice(rnd.int(1, words.length - 1), 0, `[${rnd.pick(['our code', 'the dataset', 'the paper'])}](https://example.org/${rnd.token(6)})`);
  const text = words.join(' ');
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

/** Paragraphs totalling about `words` words. */
function paragraphs(rnd, words, count, { link = false } = {}) {
  const out = [];
  const linkIn = rnd.int(0, count - 1);
  for (let p = 0; p < count; p++) {
    const sentences = [];
    const target = Math.round(words / count);
    let inParagraph = 0;
    while (inParagraph < target) {
      const s = sentence(rnd, { link: link && p === linkIn && sentences.length === 1 });
      sentences.push(s);
      inParagraph += s.split(' ').length;
    }
    out.push(sentences.join(' '));
  }
  return out.join('\n\n');
}

/** One speaker with a bio of about 120 words. */
function makeSpeaker(rnd) {
  const first = rnd.pick(FIRST_NAMES);
  const last = rnd.pick(LAST_NAMES);
  const honorific = rnd.pick(['Dr.', 'Prof.', 'Dr', undefined, undefined]);
  const name = `${first} ${last}`;
  const affiliation = rnd.pick(AFFILIATIONS);
  const bio = `${honorific ? `${honorific.replace(/\.?$/, '.')} ` : ''}${name} works at ${affiliation}. ${paragraphs(rnd, 105, rnd.int(1, 2))}`;
  return {
    name, last, honorific, affiliation,
    location: rnd.pick(LOCATIONS),
    website: rnd.chance(0.8) ? `https://example.org/people/${asciiSlug(name)}` : undefined,
    bio,
  };
}

/** The front matter and abstract of one talk, as file text. */
function talkFile(rnd, { season, episode, past }) {
  const speakers = Array.from({ length: rnd.chance(0.3) ? 2 : 1 }, () => makeSpeaker(rnd));
  const title = `${rnd.pick(TITLE_HEADS)}: ${rnd.pick(TITLE_TAILS)}${rnd.chance(0.05) ? ' (through the L👀king-Glass)' : ''}`;
  // From a PRNG of their own, so that the rest of the content is what it was before talks had topics.
  const tags = randomTools(season * 7919 + episode);
  const topics = [...new Set(Array.from({ length: tags.int(1, 3) }, () => tags.pick(TALK_TOPICS)))];
  const lines = ['---', `season: ${season}`, `episode: ${episode}`, `title: ${yamlScalar(title)}`, `topics: ${JSON.stringify(topics)}`, 'speakers:'];
  for (const s of speakers) {
    lines.push(`  - name: ${yamlScalar(s.name)}`);
    if (s.honorific) lines.push(`    honorific: ${s.honorific}`);
    lines.push(`    affiliation: ${yamlScalar(s.affiliation)}`, `    location: ${yamlScalar(s.location)}`);
    if (s.website) lines.push(`    website: ${s.website}`);
    lines.push(`    bio: ${yamlBlock(s.bio, 6)}`);
  }
  if (past) lines.push(`recording: https://youtu.be/${rnd.token(11)}`);
  if (rnd.chance(0.2)) lines.push('links:', `  slides: https://example.org/slides/${rnd.token(8)}.pdf`);
  lines.push('---', paragraphs(rnd, 235, rnd.int(2, 4), { link: true }), '');
  const slug = speakers.map((s) => asciiSlug(s.last)).join('-');
  return { name: `${seasonCode(season)}e${pad2(episode)}-${slug}.md`, text: lines.join('\n') };
}

/** `session.yaml` of one season; `startDay` is a UTC day number (ms) or undefined for "TBA". */
function sessionFile(rnd, { season, startDay }) {
  const lines = [`# Synthetic session ${season} for the benchmark.`, `season: ${season}`];
  if (startDay === undefined) return `${lines.join('\n')}\n`;
  lines.push(`topic: ${yamlScalar(rnd.pick(TOPICS))}`);
  lines.push(`start: "${isoDay(startDay)} ${rnd.pick(START_TIMES)}"`, 'timezone: Europe/Copenhagen');
  if (rnd.chance(0.1)) lines.push(`duration: ${rnd.pick([60, 120])}`);
  lines.push(`registration: https://example.zoom.us/meeting/register/${rnd.token(22)}`);
  if (rnd.chance(0.03)) lines.push('status: rescheduled', `previous_start: "${isoDay(startDay - 7 * DAY)} 16:00"`);
  return `${lines.join('\n')}\n`;
}

const pad2 = (n) => String(n).padStart(2, '0');
const seasonCode = (season) => `s${pad2(season)}`;
const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);

/**
 * Start days of all seasons, oldest first: past ones 4–10 days apart ending on LAST_PAST_DAY (so they
 * reach back years and cover summer and winter time), then UPCOMING_DATED weekly ones after "now", then
 * UPCOMING_UNDATED without a date.
 */
function seasonStartDays(rnd, seasons) {
  const undated = Math.min(UPCOMING_UNDATED, Math.max(0, seasons - 1));
  const upcoming = Math.min(UPCOMING_DATED, Math.max(0, seasons - undated - 1));
  const past = seasons - undated - upcoming;
  const days = [];
  let day = LAST_PAST_DAY;
  for (let i = 0; i < past; i++) {
    days.unshift(day);
    day -= rnd.int(4, 10) * DAY;
  }
  for (let i = 1; i <= upcoming; i++) days.push(LAST_PAST_DAY + 7 * (i + 1) * DAY);
  for (let i = 0; i < undated; i++) days.push(undefined);
  return { days, pastCount: past };
}

/**
 * Write a synthetic content folder with `talks` talks into `dir` (created; should be empty).
 * Returns the talk file paths (absolute, in season order) and counts.
 */
export async function generateContent(dir, { talks, seed = 20231127, siteFrom = REAL_CONTENT_DIR } = {}) {
  if (!Number.isInteger(talks) || talks < 1) throw new Error(`generateContent: talks must be a positive integer, not ${talks}`);
  const rnd = randomTools(seed ^ talks);
  const seasons = Math.ceil(talks / TALKS_PER_SEASON);
  const { days, pastCount } = seasonStartDays(rnd, seasons);
  await mkdir(path.join(dir, 'seasons'), { recursive: true });
  await cp(path.join(siteFrom, 'site.yaml'), path.join(dir, 'site.yaml'));
  await cp(path.join(siteFrom, 'pages'), path.join(dir, 'pages'), { recursive: true });

  const talkPaths = [];
  const files = [];
  for (let season = 1; season <= seasons; season++) {
    const folder = path.join(dir, 'seasons', seasonCode(season));
    files.push({ file: path.join(folder, 'session.yaml'), text: sessionFile(rnd, { season, startDay: days[season - 1] }) });
    const inSeason = Math.min(TALKS_PER_SEASON, talks - (season - 1) * TALKS_PER_SEASON);
    for (let episode = 1; episode <= inSeason; episode++) {
      const talk = talkFile(rnd, { season, episode, past: season <= pastCount });
      const file = path.join(folder, talk.name);
      files.push({ file, text: talk.text });
      talkPaths.push(file);
    }
  }
  await writeAll(files);
  return { dir, talks: talkPaths.length, seasons, talkPaths };
}

/** Create folders and write files, a bounded number at a time. */
async function writeAll(files, concurrency = 64) {
  const folders = [...new Set(files.map((f) => path.dirname(f.file)))];
  for (const folder of folders) await mkdir(folder, { recursive: true });
  for (let i = 0; i < files.length; i += concurrency) {
    await Promise.all(files.slice(i, i + concurrency).map((f) => writeFile(f.file, f.text)));
  }
}
