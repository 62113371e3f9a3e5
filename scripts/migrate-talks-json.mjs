// One-off migration: turns the research dump talks.json into the hand-editable content files
// (content/seasons/sNN/session.yaml and one Markdown file per talk). Usage:
//   node scripts/migrate-talks-json.mjs /path/to/talks.json content
// The site never reads talks.json at run time; after this ran once, the content files are the source.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Scalar } from 'yaml';

const [inputPath, outDir] = process.argv.slice(2);
if (!inputPath || !outDir) {
  console.error('usage: node scripts/migrate-talks-json.mjs <talks.json> <content dir>');
  process.exit(2);
}

/** Throw with a clear message: this script must fail loudly, never guess. */
function check(condition, message) {
  if (!condition) throw new Error(`migrate-talks-json: ${message}`);
}

const STRINGIFY_OPTIONS = { lineWidth: 0, minContentWidth: 0, indent: 2, indentSeq: true };

/** A scalar node with a forced style (plain scalars are left to the yaml package). */
function styled(value, type) {
  const node = new Scalar(value);
  node.type = type;
  return node;
}
const quoted = (value) => styled(value, Scalar.QUOTE_DOUBLE);
const literal = (value) => styled(value, Scalar.BLOCK_LITERAL);

/** Drop keys whose value is null, undefined, '' or an empty object, keeping the insertion order. */
function compact(object) {
  const out = {};
  for (const [key, value] of Object.entries(object)) {
    if (value === null || value === undefined || value === '') continue;
    if (value && typeof value === 'object' && !(value instanceof Scalar) && !Array.isArray(value) && Object.keys(value).length === 0) continue;
    out[key] = value;
  }
  return out;
}

function toYaml(object) {
  const text = new Document(object).toString(STRINGIFY_OPTIONS);
  check(!text.includes('\r'), 'generated YAML contains a carriage return');
  return text;
}

const pad2 = (n) => String(n).padStart(2, '0');

/** Lowercase ASCII slug: "Zając" -> "zajac", "Jiménez-Sánchez" -> "jimenez-sanchez". */
function asciiSlug(text) {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  check(/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug), `cannot make an ASCII slug of ${JSON.stringify(text)}`);
  return slug;
}

const surname = (name) => name.trim().split(/\s+/).at(-1);

/** Remove the YouTube share-tracking `si` parameter, keeping every other parameter byte for byte. */
function withoutSi(url) {
  const hashAt = url.indexOf('#');
  const hash = hashAt === -1 ? '' : url.slice(hashAt);
  const beforeHash = hashAt === -1 ? url : url.slice(0, hashAt);
  const queryAt = beforeHash.indexOf('?');
  if (queryAt === -1) return url;
  const base = beforeHash.slice(0, queryAt);
  const params = beforeHash
    .slice(queryAt + 1)
    .split('&')
    .filter((part) => part !== '' && part.split('=')[0] !== 'si');
  const result = (params.length ? `${base}?${params.join('&')}` : base) + hash;
  check(!new URL(result).searchParams.has('si'), `could not remove si from ${url}`);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Read and sanity-check the input.

const talks = JSON.parse(readFileSync(inputPath, 'utf8'));
check(Array.isArray(talks) && talks.length > 0, 'talks.json must be a non-empty array');

const SPEAKER_KEYS = ['name', 'honorific', 'affiliation', 'location', 'website', 'bio'];
const ids = new Set();
for (const talk of talks) {
  check(!ids.has(talk.id), `duplicate id ${talk.id}`);
  ids.add(talk.id);
  check(Number.isInteger(talk.season) && talk.season > 0, `${talk.id}: bad season`);
  if (talk.episode === null) {
    check(talk.code === null, `${talk.id}: code without episode`);
    check(new RegExp(`^S${pad2(talk.season)}-[a-z0-9-]+$`).test(talk.id), `${talk.id}: unexpected id for an unnumbered talk`);
  } else {
    const code = `S${pad2(talk.season)}E${pad2(talk.episode)}`;
    check(talk.code === code && talk.id === code, `${talk.id}: id/code/season/episode disagree`);
  }
  check(typeof talk.title === 'string' && talk.title.trim() !== '', `${talk.id}: empty title`);
  check(typeof talk.abstract === 'string' && talk.abstract.trim() !== '', `${talk.id}: empty abstract`);
  check(!talk.abstract.startsWith('---') && !talk.abstract.startsWith('\n'), `${talk.id}: abstract would not survive as a Markdown body`);
  check(Array.isArray(talk.speakers) && talk.speakers.length > 0, `${talk.id}: no speakers`);
  for (const speaker of talk.speakers) {
    const unknown = Object.keys(speaker).filter((key) => !SPEAKER_KEYS.includes(key));
    check(unknown.length === 0, `${talk.id}: unknown speaker keys ${unknown.join(', ')}`);
    check(typeof speaker.name === 'string' && speaker.name !== '', `${talk.id}: speaker without name`);
    check([null, 'Dr.', 'Prof.'].includes(speaker.honorific), `${talk.id}: unexpected honorific ${speaker.honorific}`);
    check(speaker.bio !== null || talk.joint_bio, `${talk.id}: ${speaker.name} has neither bio nor joint bio`);
  }
  check((talk.date === null) === (talk.time === null) && (talk.date === null) === (talk.timezone === null), `${talk.id}: date, time and timezone must be all set or all null`);
  if (talk.date !== null) {
    check(/^\d{4}-\d{2}-\d{2}$/.test(talk.date) && /^\d{2}:\d{2}$/.test(talk.time), `${talk.id}: bad date/time ${talk.date} ${talk.time}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Sessions: one per season, facts shared by all of its talks.

/** Talks per season, in talks.json order (which is the running order within a session). */
const seasons = new Map();
for (const talk of talks) {
  if (!seasons.has(talk.season)) seasons.set(talk.season, []);
  seasons.get(talk.season).push(talk);
}
{
  const order = [...seasons.keys()];
  check(order.every((season, i) => i === 0 || season > order[i - 1]), 'talks.json is not ordered by season');
  // Every talk of a season must be contiguous in the file.
  let previous = null;
  const seen = new Set();
  for (const talk of talks) {
    if (talk.season !== previous) {
      check(!seen.has(talk.season), `season ${talk.season} is split in talks.json`);
      seen.add(talk.season);
      previous = talk.season;
    }
  }
}

const SESSION_FIELDS = ['session_topic', 'date', 'time', 'timezone', 'registration_url', 'meeting_url'];
/** Files to write, collected first so that a failed check leaves nothing half-written. */
const pending = new Map();

function write(relativePath, text) {
  const path = join(outDir, relativePath);
  check(!pending.has(path), `two outputs map to the same file ${path}`);
  pending.set(path, text);
}

for (const [season, list] of seasons) {
  const first = list[0];
  for (const talk of list) {
    for (const field of SESSION_FIELDS) {
      check(
        talk[field] === first[field],
        `season ${season}: ${talk.id} has ${field} ${JSON.stringify(talk[field])} but ${first.id} has ${JSON.stringify(first[field])}`,
      );
    }
  }
  const session = compact({
    season,
    topic: first.session_topic,
    start: first.date === null ? null : quoted(`${first.date} ${first.time}`),
    timezone: first.timezone,
    registration: first.registration_url,
    join: first.meeting_url,
  });
  const header = [`# Session facts shared by every talk of season ${season}.`];
  if (first.date === null) header.push('# Date, time and topic are still TBA: add start and timezone (and topic) once announced.');
  write(join('seasons', `s${pad2(season)}`, 'session.yaml'), `${header.join('\n')}\n${toYaml(session)}`);
}

// ---------------------------------------------------------------------------------------------
// Talks: one Markdown file each, front matter + abstract.

const slots = [];
for (const [season, list] of seasons) {
  const episodes = list.filter((t) => t.episode !== null).map((t) => t.episode);
  check(new Set(episodes).size === episodes.length, `season ${season}: duplicate episode numbers`);
  check(episodes.every((e, i) => i === 0 || e > episodes[i - 1]), `season ${season}: episodes are not in increasing running order`);

  list.forEach((talk, index) => {
    const slot = index + 1;
    const writeSlot = talk.episode === null || talk.episode !== slot;
    if (writeSlot) slots.push(`${talk.id}=${slot}`);

    const surnames = talk.speakers.map((s) => asciiSlug(surname(s.name))).join('-');
    let base;
    if (talk.episode !== null) {
      base = `s${pad2(season)}e${pad2(talk.episode)}-${surnames}`;
    } else {
      const suffix = talk.id.slice(talk.id.indexOf('-') + 1);
      check(suffix === surnames, `${talk.id}: id suffix ${suffix} does not match the speakers' surnames ${surnames}`);
      base = `s${pad2(season)}-${suffix}`;
    }

    const video = talk.video_url_current || talk.video_url || null;
    const frontMatter = compact({
      season,
      episode: talk.episode,
      slot: writeSlot ? slot : null,
      title: quoted(talk.title),
      speakers: talk.speakers.map((speaker) =>
        compact({
          name: speaker.name,
          honorific: speaker.honorific,
          affiliation: speaker.affiliation,
          location: speaker.location,
          website: speaker.website,
          bio: speaker.bio ? literal(speaker.bio) : null,
        }),
      ),
      joint_bio: talk.joint_bio ? literal(talk.joint_bio) : null,
      recording: video ? withoutSi(video) : null,
      links: talk.website ? { website: talk.website } : null,
    });
    write(join('seasons', `s${pad2(season)}`, `${base}.md`), `---\n${toYaml(frontMatter)}---\n${talk.abstract}\n`);
  });
}

// The running order was checked by hand against the webinar pages; fail if the data ever disagrees.
const EXPECTED_SLOTS = ['S03-damgaard-eriksen=2', 'S03E02=3', 'S10-joskowicz=1', 'S10-quinn=2', 'S10-abhishek=3'];
check(
  JSON.stringify(slots) === JSON.stringify(EXPECTED_SLOTS),
  `unexpected slots ${slots.join(', ')} (expected ${EXPECTED_SLOTS.join(', ')})`,
);

for (const [path, text] of pending) {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text, 'utf8');
  console.log(path);
}
console.log(`${pending.size} files written (${seasons.size} sessions, ${talks.length} talks)`);
