import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fc } from '@fast-check/vitest';
import { stringify } from 'yaml';
import { firstBadCharacter } from '../../src/validate/characters.js';
import { repairMojibake } from '../../src/validate/mojibake.js';

/**
 * Random content folders, as a stranger's pull request could make them. Two kinds, half and half:
 * - `legal`: a site that should build, with hostile but legal text in every slot (markup, "]]>",
 *   "</script>", astral and right-to-left text, huge values, path-like strings), images of its own, real
 *   photos, real zones; its outputs are checked in their formats;
 * - `wild`: any value in any slot (Unicode with control characters and unpaired surrogates, wrong types,
 *   unknown keys, deep nesting), YAML mutated at the text level (anchors and aliases, recursive ones,
 *   alias bombs, tabs, cut files, duplicated documents), Markdown with images of every kind, photos that
 *   are not images, static files on the paths of pages, bytes that are not text.
 */

/** A content folder: path inside it → contents. */
export type FuzzSite = Record<string, string | Uint8Array>;

type Mode = 'legal' | 'wild';

const PHOTO = readFileSync(path.resolve(import.meta.dirname, '../fixtures/site-photo/static/photos/ada-lovelace.jpg'));

/** Strings that have broken a site generator somewhere. */
const TRICKY = [
  '<b>bold</b>', '</script><script>alert(1)</script>', ']]>', '<!--', '-->', '&amp;', '&', '"', "'", '\\', '\\0', '${x}', '{{ site.title }}', '{% raw %}',
  '../../escaped', '/../../etc/passwd', '..', '.', '/', '//host/x', 'C:\\Windows', '~/x', '%2e%2e%2f', 'file:///etc/passwd', 'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>', '\u0000', '\u0007', '\u001b[31m', '\u007f', '\u0085', '\u2028', '\u2029', '\u202e', '\ufeff', '\ufffe', '\uffff',
  '\ud83d', '\udc00', '👀', '🏳️‍🌈', 'Zając', 'Ηer', '中文', 'مرحبا', 'BEGIN:VEVENT', 'END:VCALENDAR\r\n', 'a\r\nb', ' ', '', 'null', '~', 'yes', '0x1F', '1e309',
  '2024-03-31 02:30', '2024-10-27 02:30', '2024-02-30 16:00', '9999-12-31 23:59', '0000-01-01 00:00',
];
const tricky = fc.constantFrom(...TRICKY);

/** Text for any slot: mostly readable, sometimes hostile, now and then (about one value in a site) huge. */
const wildText: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 40,
    arbitrary: fc.oneof(
      { weight: 5, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }) },
      { weight: 3, arbitrary: tricky },
      { weight: 2, arbitrary: fc.array(fc.oneof(tricky, fc.string({ unit: 'grapheme', maxLength: 8 })), { minLength: 1, maxLength: 5 }).map((parts) => parts.join(' ')) },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }) },
    ),
  },
  { weight: 1, arbitrary: fc.tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 5 }), fc.integer({ min: 100, max: 20_000 })).map(([s, n]) => s.repeat(n)) },
);

/** Text a valid site may hold: anything but characters no output may carry, blanks, or what looks double-encoded. */
const legalText = wildText
  .map((text) => text.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, ''))
  .filter((text) => text.trim() !== '' && firstBadCharacter(text) === undefined && repairMojibake(text) === undefined);

const textOf = (mode: Mode) => (mode === 'legal' ? legalText : wildText);

/** Any YAML value, nested a few levels. */
const anyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    wildText,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), tricky), tie('value'), { maxKeys: 3 }),
  ),
})).value;

/** Nesting past any sensible limit, as a list of lists. */
const deepValue = fc.integer({ min: 15, max: 60 }).map((depth) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
});

/** In a legal site, a right value; in a wild one, usually right and sometimes anything at all. */
const slot = <T>(mode: Mode, good: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  mode === 'legal' ? good : fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: anyValue });

const goodUrl = fc.oneof(
  fc.constantFrom('https://example.org/', 'https://www.youtube.com/watch?v=hDKuw28ATe4', 'https://youtu.be/FQ0MpMqmwlQ?si=x', 'http://x.example/a?b=<c>&d="e"#f'),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
);
const urlOf = (mode: Mode) => (mode === 'legal' ? goodUrl : fc.oneof(goodUrl, wildText));

const imageSource = (mode: Mode) =>
  mode === 'legal'
    ? fc.constantFrom('/photos/p.jpg', 'photos/p.jpg', './photos/p.jpg', '/photos/p.jpg?v=1#x')
    : fc.oneof(fc.constantFrom('https://tracker.example/p.gif', '//tracker.example/p.gif', 'data:image/png;base64,iVBORw0KGgo=', '/photos/p.jpg', '/../../etc/passwd', '', '%zz', '/photos/missing.png'), wildText);

/** Markdown: paragraphs, images, links, raw HTML (which is shown as text), code, headings, lists. */
const markdownOf = (mode: Mode): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        { weight: 4, arbitrary: textOf(mode) },
        { weight: 2, arbitrary: fc.tuple(textOf(mode), imageSource(mode)).map(([alt, src]) => `![${alt.replace(/[\]\n]/g, '')}](${src})`) },
        { weight: 2, arbitrary: fc.tuple(textOf(mode), urlOf(mode)).map(([label, href]) => `[${label}](${href})`) },
        { weight: 1, arbitrary: fc.constantFrom('<img src=x onerror=alert(1)>', '<iframe src="https://evil.example"></iframe>', '```\n<b>code</b> ]]>\n```', '# heading', '> quote', '- a\n- b', '---', '***', '<https://example.org/auto>', 'https://bare.example/link') },
      ),
      { minLength: 1, maxLength: 6 },
    )
    .map((blocks) => blocks.join('\n\n'));

const photoPath = (mode: Mode) =>
  mode === 'legal' ? fc.constant('photos/p.jpg') : fc.constantFrom('photos/p.jpg', 'photos/garbage.png', '../../site.yaml', '/etc/passwd.png', 'photos/missing.jpg', 'photos\\p.jpg');

const speaker = (mode: Mode) =>
  fc.record(
    {
      name: slot(mode, textOf(mode)),
      honorific: slot(mode, mode === 'legal' ? fc.constantFrom('Dr.', 'Prof', 'dr') : fc.oneof(fc.constantFrom('Dr.', 'Prof', 'dr', 'Mr.'), wildText)),
      affiliation: slot(mode, textOf(mode)),
      location: slot(mode, textOf(mode)),
      website: slot(mode, urlOf(mode)),
      bio: slot(mode, markdownOf(mode)),
      photo: slot(mode, photoPath(mode)),
    },
    { requiredKeys: ['name'] },
  );

/**
 * Topics: often from a pool that talks share, with the spellings and near-misses organizers write (the
 * build compares them across talks), otherwise any text, huge values included.
 */
const topicOf = (mode: Mode) =>
  fc.oneof(fc.constantFrom('segmentation', 'Segmentation', 'segmentaton', 'fairness', 'Fairness ', 'medical imaging', 'Medical-Imaging', '👀', '中文'), textOf(mode));

/** Unknown keys, mistyped keys and keys of other files. */
const strayKeys = fc.dictionary(fc.oneof(fc.constantFrom('speker', 'start', 'Title', 'abstract', '__proto__', 'constructor', '<b>', ''), fc.string({ maxLength: 6 })), anyValue, { minKeys: 1, maxKeys: 2 });
const withStrayKeys = <T extends object>(mode: Mode, data: fc.Arbitrary<T>) =>
  mode === 'legal' ? data : fc.tuple(data, fc.oneof({ weight: 4, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: strayKeys })).map(([d, stray]) => ({ ...d, ...stray }));

function talkData(mode: Mode, season: number, episode: number) {
  return withStrayKeys(
    mode,
    fc.record(
      {
        season: slot(mode, fc.constant(season)),
        episode: slot(mode, fc.constant(episode)),
        title: slot(mode, textOf(mode)),
        speakers: slot(mode, fc.array(speaker(mode), { minLength: 1, maxLength: 2 })),
        joint_bio: slot(mode, markdownOf(mode)),
        topics: slot(mode, fc.array(topicOf(mode), { maxLength: mode === 'legal' ? 4 : 14 })),
        // Two talks in one slot are a real mistake: a legal site leaves the running order to the episodes.
        ...(mode === 'wild' ? { slot: slot(mode, fc.integer({ min: -1, max: 4 })) } : {}),
        recording: slot(mode, urlOf(mode)),
        links: slot(mode, fc.record({ slides: slot(mode, urlOf(mode)), website: slot(mode, urlOf(mode)) }, { requiredKeys: [] })),
        extra: mode === 'legal' ? fc.dictionary(fc.string({ maxLength: 6 }), legalText, { maxKeys: 3 }) : fc.oneof(anyValue, deepValue),
      },
      // Two talks without a number and with the same speakers are a real mistake (one page for both):
      // a legal site numbers its talks.
      { requiredKeys: mode === 'legal' ? ['season', 'episode', 'title', 'speakers'] : ['season', 'title', 'speakers'] },
    ),
  );
}

const legalStart = fc.oneof(
  fc.constantFrom('2024-03-25 16:00', '2030-06-01 09:30', '2024-03-25T16:00:00+01:00', '2024-10-27T02:30:00+01:00'),
  fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 11) + '12:00'),
);
const startOf = (mode: Mode) =>
  mode === 'legal' ? legalStart : fc.oneof(legalStart, fc.constantFrom('2024-03-31 02:30', '2024-10-27 02:30', '2025-03-09 02:30', '2024-03-25T16:00:00+02:00', '2024-03-25', 'tomorrow'), wildText);

function sessionData(mode: Mode, season: number) {
  return withStrayKeys(
    mode,
    fc.record(
      {
        season: slot(mode, fc.constant(season)),
        topic: slot(mode, textOf(mode)),
        start: slot(mode, startOf(mode)),
        timezone: slot(mode, mode === 'legal' ? fc.constant('Europe/Copenhagen') : fc.oneof(fc.constantFrom('Europe/Copenhagen', 'America/New_York', 'Australia/Lord_Howe', 'UTC', 'CET', 'Not/A_Zone', 'Europe/Copenhagn', 'europe/copenhagen'), wildText)),
        duration: slot(mode, fc.integer({ min: mode === 'legal' ? 1 : -5, max: mode === 'legal' ? 600 : 2000 })),
        registration: slot(mode, urlOf(mode)),
        join: slot(mode, urlOf(mode)),
        status: slot(mode, mode === 'legal' ? fc.constantFrom('scheduled', 'cancelled', 'postponed') : fc.oneof(fc.constantFrom('scheduled', 'cancelled', 'postponed', 'rescheduled', 'canceled'), wildText)),
        // A rescheduled session says when it was to be: legal sites leave that pairing to the invalid fixtures.
        ...(mode === 'wild' ? { previous_start: slot(mode, startOf(mode)) } : {}),
      },
      // A legal session is dated (start with its zone) or has none of the dated keys.
      { requiredKeys: mode === 'legal' ? ['season', 'start', 'timezone'] : ['season'] },
    ),
  );
}

function siteData(mode: Mode) {
  return withStrayKeys(
    mode,
    fc.record(
      {
        // The series title is on every page, so it is limited to 200 characters (huge ones are wild).
        title: slot(mode, mode === 'legal' ? legalText.filter((title) => title.trim().length <= 200) : wildText),
        description: slot(mode, markdownOf(mode)),
        url: slot(mode, mode === 'legal' ? fc.constantFrom('https://example.org', 'https://owner.github.io/repo') : fc.constantFrom('https://example.org', 'ftp://x', 'example.org')),
        base_path: slot(mode, mode === 'legal' ? fc.constantFrom('/', '/repo/', '/a/b/') : fc.constantFrom('/', '/repo/', '/../', '//', 'repo')),
        playlist: slot(mode, urlOf(mode)),
        organizers: slot(mode, fc.array(fc.record({ name: slot(mode, textOf(mode)), website: slot(mode, urlOf(mode)), affiliation: slot(mode, textOf(mode)) }, { requiredKeys: ['name'] }), { maxLength: 2 })),
        funding: slot(mode, markdownOf(mode)),
        newsletter: slot(mode, fc.record({ form: slot(mode, urlOf(mode)), text: slot(mode, markdownOf(mode)) }, { requiredKeys: ['form'] })),
        default_duration: slot(mode, fc.integer({ min: mode === 'legal' ? 1 : 0, max: 600 })),
      },
      { requiredKeys: ['title', 'description', 'url'] },
    ),
  );
}

function pageData(mode: Mode, index: number) {
  return fc.record({
    title: slot(mode, textOf(mode)),
    permalink: slot(mode, mode === 'legal' ? fc.constantFrom(`/page-${index}/`, `/about/p${index}/`, `/p.${index}/`) : fc.constantFrom('/privacy-notice/', '/../../escaped/', '/./x/', '/webinar/', '/a b/', 'about', '/%2e%2e/')),
    description: slot(mode, textOf(mode)),
  });
}

/** YAML text of a value; in a wild site, mutated now and then at the text level, where a writer of YAML by hand errs. */
function yamlText(mode: Mode, value: fc.Arbitrary<unknown>): fc.Arbitrary<string> {
  const text = value.map((data) => stringify(data, { lineWidth: 0 }));
  if (mode === 'legal') return text;
  const mutation = fc.oneof(
    { weight: 6, arbitrary: fc.constant((yaml: string) => yaml) },
    { weight: 1, arbitrary: fc.constant((yaml: string) => `anchor: &a [1, 2, *a]\n${yaml}`) },
    { weight: 1, arbitrary: fc.constant((yaml: string) => `${yaml}alias: *nowhere\n`) },
    { weight: 1, arbitrary: fc.constant((yaml: string) => `a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n${yaml}`) },
    { weight: 1, arbitrary: fc.constant((yaml: string) => yaml.replace(/^ {2}/m, '\t')) },
    { weight: 1, arbitrary: fc.nat().map((n) => (yaml: string) => yaml.slice(0, n % (yaml.length + 1))) },
    { weight: 1, arbitrary: wildText.map((line) => (yaml: string) => `${yaml}${line}\n`) },
    { weight: 1, arbitrary: fc.constant((yaml: string) => `${yaml}---\n${yaml}`) },
    { weight: 1, arbitrary: fc.constant((yaml: string) => `!!binary ${yaml}`) },
  );
  return fc.tuple(text, mutation).map(([yaml, mutate]) => mutate(yaml));
}

/** A talk file: front matter and abstract; in a wild site, now and then bytes that are not text at all. */
function talkFile(mode: Mode, season: number, episode: number): fc.Arbitrary<string | Uint8Array> {
  const file = fc.tuple(yamlText(mode, talkData(mode, season, episode)), markdownOf(mode)).map(([yaml, body]) => `---\n${yaml}---\n${body}\n`);
  if (mode === 'legal') return file;
  return fc.oneof({ weight: 12, arbitrary: file }, { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) }, { weight: 1, arbitrary: markdownOf(mode) });
}

function staticFiles(mode: Mode): fc.Arbitrary<[string, string | Uint8Array][]> {
  const names = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((name) => !/[/\\\0]/.test(name) && !/^\.+$/.test(name) && Buffer.byteLength(name) < 200);
  const extra = fc.oneof(
    fc.constant<[string, string]>(['CNAME', 'example.org\n']),
    names.map((name): [string, string] => [`files/${name}`, 'x']),
    ...(mode === 'wild' ? [fc.constant<[string, string]>(['photos/garbage.png', 'not a png']), fc.constant<[string, string]>(['webinar/index.html', '<p>not the webinar page</p>'])] : []),
  );
  return fc.array(extra, { maxLength: 3 }).map((files) => [['photos/p.jpg', PHOTO], ...files]);
}

function siteOf(mode: Mode): fc.Arbitrary<FuzzSite> {
  return fc
    .tuple(
      yamlText(mode, siteData(mode)),
      fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
      fc.integer({ min: 0, max: 2 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, p) => fc.tuple(yamlText(mode, pageData(mode, p)), markdownOf(mode))))),
      staticFiles(mode),
    )
    .chain(([site, talksPerSession, pages, statics]) =>
      fc
        .tuple(...talksPerSession.map((talks, s) => fc.tuple(yamlText(mode, sessionData(mode, s + 1)), fc.tuple(...Array.from({ length: talks }, (_, t) => talkFile(mode, s + 1, t + 1))))))
        .map((sessions) => {
          const files: FuzzSite = { 'site.yaml': site };
          sessions.forEach(([session, talks], s) => {
            const code = `s${String(s + 1).padStart(2, '0')}`;
            files[`seasons/${code}/session.yaml`] = session;
            talks.forEach((talk, t) => (files[`seasons/${code}/${code}e0${t + 1}-talk.md`] = talk));
          });
          pages.forEach(([yaml, body], p) => (files[`pages/page-${p}.md`] = `---\n${yaml}---\n${body}\n`));
          for (const [name, contents] of statics) files[`static/${name}`] = contents;
          return files;
        }),
    );
}

/** A whole content folder: site.yaml, one to three sessions of one to three talks, pages, static files; legal or wild. */
export const fuzzSite: fc.Arbitrary<{ mode: Mode; files: FuzzSite }> = fc.oneof(
  siteOf('legal').map((files) => ({ mode: 'legal' as const, files })),
  siteOf('wild').map((files) => ({ mode: 'wild' as const, files })),
);
