import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkEdited, SITE_BASIC, type Edit } from './fixture-check.js';

const TALK = 'seasons/s01/s01e01-zajac.md';
const SESSION = 'seasons/s01/session.yaml';
const TALK_TEXT = readFileSync(path.join(SITE_BASIC, TALK), 'utf8');
const SESSION_TEXT = readFileSync(path.join(SITE_BASIC, SESSION), 'utf8');
const SPEAKER_BLOCK = /speakers:[\s\S]*?(?=recording)/;

/**
 * Mistakes as a new organizer makes them, each in a copy of site-basic: every one must give exactly
 * one problem, with its code, file and line (site-basic's lines: talk title 4, speakers 5, first
 * speaker 6, affiliation 8, website 10, links.slides 14; session start 3, timezone 4, registration 5).
 */
/** 13 topics, one more than a talk may list. */
const TOO_MANY_TOPICS: Edit = [TALK, ['title:', `topics: [${Array.from({ length: 13 }, (_, i) => `t${i}`).join(', ')}]\ntitle:`]];

const MISTAKES: [label: string, edits: Edit[], expected: string][] = [
  ['a title with ": " and no quotes', [[TALK, ['title: "Datasheets for Datasets: What Happens After Publication"', 'title: Datasheets: What Happens']]], `yaml-syntax ${TALK}:4`],
  ['a quote opened and never closed', [[TALK, ['After Publication"', 'After Publication']]], `yaml-syntax ${TALK}:4`],
  ['a speaker key indented one space too few', [[TALK, ['    affiliation:', '   affiliation:']]], `yaml-syntax ${TALK}:8`],
  ['a speaker key indented two spaces too many', [[TALK, ['    affiliation:', '      affiliation:']]], `yaml-syntax ${TALK}:8`],
  ['a tab used to indent', [[TALK, ['    location:', '\tlocation:']]], `yaml-syntax ${TALK}:9`],
  ['the same key twice', [[TALK, ['episode: 1', 'episode: 1\ntitle: Another']]], `yaml-syntax ${TALK}:5`],
  ['a bio starting with **bold**', [[TALK, ['bio: Hubert', 'bio: **Hubert**']]], `yaml-syntax ${TALK}:11`],
  ['no space after a colon', [[TALK, ['episode: 1', 'episode:1']]], `yaml-syntax ${TALK}:3`],
  ['a YAML mistake in session.yaml (and no cascade to its talks)', [[SESSION, ['topic: Fairness and equipoise', 'topic: "Fairness']]], `yaml-syntax ${SESSION}:2`],
  ['no front matter at all', [[TALK, (t) => t.replace(/^---\n/, '').replace('\n---\n', '\n\n')]], `no-front-matter ${TALK}:1`],
  ['a front matter never closed', [[TALK, ['\n---\n', '\n\n']]], `no-front-matter ${TALK}:1`],
  ['an empty front matter', [[TALK, () => '---\n---\nAn abstract.\n']], `missing-field ${TALK}:1`],
  ['no title', [[TALK, [/title: .*\n/, '']]], `missing-field ${TALK}:1`],
  ['"title:" left empty', [[TALK, [/title: .*\n/, 'title:\n']]], `missing-field ${TALK}:4`],
  ['title: ""', [[TALK, [/title: .*\n/, 'title: ""\n']]], `missing-field ${TALK}:4`],
  ['no speakers', [[TALK, [SPEAKER_BLOCK, '']]], `missing-field ${TALK}:1`],
  ['a speaker without a name', [[TALK, ['  - name: Hubert Dariusz Zając\n    honorific', '  - honorific']]], `missing-field ${TALK}:6`],
  ['a dated session (with a timezone) without start', [[SESSION, [/start: .*\n/, '']]], `missing-field ${SESSION}:3`],
  ['a dated session (with only a registration link) without start', [[SESSION, [/start: .*\ntimezone: .*\n/, '']]], `missing-field ${SESSION}:3`],
  ['speakers as one line of text', [[TALK, [SPEAKER_BLOCK, 'speakers: Hubert Dariusz Zając\n']]], `wrong-type ${TALK}:5`],
  ['a speaker without "- "', [[TALK, (t) => t.replace('  - name:', '  name:').replace(/\n {4}/g, '\n  ')]], `wrong-type ${TALK}:5`],
  ['a speaker as a bare name', [[TALK, [SPEAKER_BLOCK, 'speakers:\n  - Hubert Dariusz Zając\n']]], `wrong-type ${TALK}:6`],
  ['episode: "1" in quotes', [[TALK, ['episode: 1', 'episode: "1"']]], `wrong-type ${TALK}:3`],
  ['season: S01', [[TALK, ['season: 1', 'season: S01']]], `wrong-type ${TALK}:2`],
  ['episode: 0', [[TALK, ['episode: 1', 'episode: 0']]], `wrong-type ${TALK}:3`],
  ['honorific: Mr.', [[TALK, ['honorific: Dr.', 'honorific: Mr.']]], `wrong-type ${TALK}:7`],
  ['status: canceled', [[SESSION, ['topic:', 'status: canceled\ntopic:']]], `wrong-type ${SESSION}:2`],
  ['speker', [[TALK, ['speakers:', 'speker:']]], `unknown-key ${TALK}:5`],
  ['affilation', [[TALK, ['affiliation:', 'affilation:']]], `unknown-key ${TALK}:8`],
  ['registation', [[SESSION, ['registration:', 'registation:']]], `unknown-key ${SESSION}:5`],
  ['Title with a capital', [[TALK, ['title:', 'Title:']]], `unknown-key ${TALK}:4`],
  ['a session fact in a talk file', [[TALK, ['episode: 1', 'episode: 1\nstart: "2024-03-25 16:00"']]], `unknown-key ${TALK}:4`],
  ['"date:" for start', [[SESSION, ['start:', 'date:']]], `unknown-key ${SESSION}:3`],
  ['a date written in words', [[SESSION, ['"2024-03-25 16:00"', '"25 March 2024 16:00"']]], `bad-datetime ${SESSION}:3`],
  ['a time as 4pm', [[SESSION, ['"2024-03-25 16:00"', '"2024-03-25 4pm"']]], `bad-datetime ${SESSION}:3`],
  ['a date without a time', [[SESSION, ['"2024-03-25 16:00"', '2024-03-25']]], `bad-datetime ${SESSION}:3`],
  ['30 February', [[SESSION, ['"2024-03-25 16:00"', '"2024-02-30 16:00"']]], `bad-datetime ${SESSION}:3`],
  ['a summer offset on a winter date', [[SESSION, ['"2024-03-25 16:00"', '2024-03-25T16:00:00+02:00']]], `bad-datetime ${SESSION}:3`],
  ['a time with no zone', [[SESSION, ['timezone: Europe/Copenhagen\n', '']]], `time-without-zone ${SESSION}:3`],
  ['an offset but no timezone', [[SESSION, (t) => t.replace('timezone: Europe/Copenhagen\n', '').replace('"2024-03-25 16:00"', '2024-03-25T16:00:00+01:00')]], `time-without-zone ${SESSION}:3`],
  ['a misspelt zone', [[SESSION, ['Europe/Copenhagen', 'Europe/Copenhagn']]], `unknown-timezone ${SESSION}:4`],
  ['an abbreviation for a zone', [[SESSION, ['Europe/Copenhagen', 'CET']]], `unknown-timezone ${SESSION}:4`],
  ['a javascript: URL', [[TALK, ['https://example.org/zajac', 'javascript:alert(1)']]], `bad-url ${TALK}:10`],
  ['a URL without https://', [[TALK, ['https://example.org/zajac', 'www.example.org/zajac']]], `bad-url ${TALK}:10`],
  ['a URL with a missing colon', [[TALK, ['https://example.org/zajac', 'https//example.org/zajac']]], `bad-url ${TALK}:10`],
  ['a URL with a space', [[TALK, ['https://example.org/slides.pdf', 'https://example.org/my slides.pdf']]], `bad-url ${TALK}:14`],
  ['a mailto: registration', [[SESSION, [/registration: .*/, 'registration: mailto:amji@itu.dk']]], `bad-url ${SESSION}:5`],
  ['a copied talk whose episode was not bumped', [['seasons/s01/s01e02-reinke.md', () => TALK_TEXT.replace(/Zając/g, 'Reinke')]], 'duplicate-episode seasons/s01/s01e02-reinke.md:3'],
  ['two talks in one slot', [['seasons/s01/s01e02-reinke.md', () => TALK_TEXT.replace('episode: 1', 'episode: 2\nslot: 1')]], 'duplicate-slot seasons/s01/s01e02-reinke.md:4'],
  ['a talk of a season without a session file', [[TALK, ['season: 1', 'season: 2']]], `unknown-session ${TALK}:2`],
  ['a session file copied without changing its season', [['seasons/s02/session.yaml', () => SESSION_TEXT]], 'duplicate-session seasons/s02/session.yaml:1'],
  ['two unnumbered talks by the same speaker', [[TALK, ['episode: 1\n', '']], ['seasons/s01/s01-zajac-2.md', () => TALK_TEXT.replace('episode: 1\n', '')]], `output-collision ${TALK}:4`],
  ['a page on the path of a session page', [['pages/about.md', () => '---\ntitle: About\npermalink: /webinar/s01/\n---\nWho we are.\n']], 'output-collision pages/about.md:3'],
  ['an empty abstract', [[TALK, (t) => t.slice(0, t.lastIndexOf('---\n') + 4)]], `empty-abstract ${TALK}:15`],
  ['an empty abstract, no newline after the closing ---', [[TALK, (t) => t.slice(0, t.lastIndexOf('---\n') + 3)]], `empty-abstract ${TALK}:15`],
  ['an abstract of blank lines', [[TALK, (t) => `${t.slice(0, t.lastIndexOf('---\n') + 4)}\n\n\n`]], `empty-abstract ${TALK}:15`],
  ['"JimÃ©nez" in a name', [[TALK, ['Hubert Dariusz Zając', 'Hubert JimÃ©nez']]], `mojibake ${TALK}:6`],
  ['"â€™" in the abstract', [[TALK, ["what its datasheet", 'what itâ€™s datasheet']]], `mojibake ${TALK}:17`],
  ['"ðŸ‘€" in the site title', [['site.yaml', ['L👀king', 'LðŸ‘€king']]], 'mojibake site.yaml:2'],
  ['a talk saved as Windows-1252', [[TALK, (t) => Buffer.from(t.replace('Zając', 'Jiménez'), 'latin1')]], `not-utf8 ${TALK}:6`],
  ['a talk saved as UTF-16', [[TALK, (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')])]], `not-utf8 ${TALK}:1`],
  ['session.yml instead of session.yaml', [[SESSION, () => null], ['seasons/s01/session.yml', () => 'season: 1\n']], 'unexpected-file seasons/s01/session.yml'],
  ['a talk named .markdown', [['seasons/s01/s01e01-zajac.markdown', () => TALK_TEXT], [TALK, () => null]], 'unexpected-file seasons/s01/s01e01-zajac.markdown'],
  ['a series title of 201 characters', [['site.yaml', [/title: .*/, `title: ${'Glass'.repeat(40)}!`]]], 'too-large site.yaml:2'],
  ['no site.yaml', [['site.yaml', () => null]], 'missing-file site.yaml'],
  // #12: content is untrusted input.
  ['a NUL written as a YAML escape in a name', [[TALK, ['name: Hubert Dariusz Zając', 'name: "Hubert\\0 Zając"']]], `bad-character ${TALK}:6`],
  ['a control character pasted into the abstract', [[TALK, ['what its datasheet', 'what its\u0007 datasheet']]], `bad-character ${TALK}:17`],
  ['half of an emoji (an unpaired surrogate) in a bio', [[TALK, [/bio: .*/, 'bio: "\\uD83D Hubert"']]], `bad-character ${TALK}:11`],
  ['a control character in a key', [[TALK, ['links:', '"li\\x01nks":']]], `bad-character ${TALK}:13`],
  ['a talk file of 2 MiB', [[TALK, (t) => t + 'word '.repeat(420_000)]], `too-large ${TALK}`],
  ['a permalink with "."', [['pages/about.md', () => '---\ntitle: About\npermalink: /./about/\n---\nWho we are.\n']], 'unsafe-path pages/about.md:3'],
  ['a photo outside static/', [[TALK, ['    bio: Hubert', '    photo: ../../site.jpg\n    bio: Hubert']]], `unsafe-path ${TALK}:11`],
  ['a photo with an absolute path', [[TALK, ['    bio: Hubert', '    photo: /etc/photo.png\n    bio: Hubert']]], `unsafe-path ${TALK}:11`],
  ['a photo that is not there', [[TALK, ['    bio: Hubert', '    photo: photos/zajac.jpg\n    bio: Hubert']]], `missing-file ${TALK}:11`],
  ['an image of another site in a bio', [[TALK, [/bio: .*/, 'bio: "![me](https://example.org/me.jpg) Hubert"']]], `external-embed ${TALK}:11`],
  ['a data: image in the abstract', [[TALK, ['what its datasheet', 'what its ![x](data:image/png;base64,iVBORw0KGgo=) datasheet']]], `external-embed ${TALK}:17`],
  ['a protocol-relative image in a page', [['pages/about.md', () => '---\ntitle: About\npermalink: /about/\n---\nWho we are.\n\n![x](//tracker.example/p.gif)\n']], 'external-embed pages/about.md:7'],
  ['an image of another site in the series description', [['site.yaml', [/description: .*/, 'description: "![logo](http://cdn.example/logo.png) A webinar"']]], 'external-embed site.yaml:3'],
  ['an image that is not in static/', [[TALK, ['what its datasheet', 'what its ![figure](/images/figure.png) datasheet']]], `missing-file ${TALK}:17`],
  ['an image path leading out of static/', [[TALK, ['what its datasheet', 'what its ![figure](/../site.yaml) datasheet']]], `unsafe-path ${TALK}:17`],
  ['02:30 on the night New York springs forward', [[SESSION, (t) => t.replace('"2024-03-25 16:00"', '"2024-03-10 02:30"').replace('Europe/Copenhagen', 'America/New_York')]], `nonexistent-time ${SESSION}:3`],
  ['01:30 on the night New York falls back', [[SESSION, (t) => t.replace('"2024-03-25 16:00"', '"2024-11-03 01:30"').replace('Europe/Copenhagen', 'America/New_York')]], `ambiguous-time ${SESSION}:3`],
  // The zone was compared letter by letter with every zone name (52 s for 96 KB).
  ['a zone name of 320 KB', [[SESSION, ['Europe/Copenhagen', 'Europe/Copenhagn'.repeat(20_000)]]], `unknown-timezone ${SESSION}:4`],
  // Every speaker's page shows the talk with all its speakers: 1,000 took 4 s to build, 20,000 over 10 minutes.
  ['a talk with 21 speakers', [[TALK, ['speakers:\n', `speakers:\n${Array.from({ length: 20 }, (_, i) => `  - name: Person ${i}\n    affiliation: ITU\n`).join('')}`]]], `wrong-type ${TALK}:5`],
  ['a talk with 13 topics', [TOO_MANY_TOPICS], `wrong-type ${TALK}:4`],
  ['a previous_start in the Copenhagen gap', [[SESSION, (t) => `${t}status: rescheduled\nprevious_start: "2024-03-31 02:15"\n`]], `nonexistent-time ${SESSION}:7`],
];

/** Content that looks like a mistake but is not one: no problem at all. */
const ACCEPTED: [label: string, edits: Edit[]][] = [
  ['an ambiguous time with its offset', [[SESSION, ['"2024-03-25 16:00"', '"2024-10-27T02:30:00+01:00"']]]],
  ['an image of the site itself, from the root or relative', [['static/images/figure.png', () => Buffer.from('png')], [TALK, ['what its datasheet', 'what its ![figure](/images/figure.png) ![again](images/figure.png) datasheet']]]],
  ['a link (not an image) to another site', [[TALK, ['what its datasheet', 'what its [datasheet](https://example.org/datasheet)']]]],
  // Two topics were compared letter by letter for a "did you mean" (36 s and 3.3 GB for 20,000 letters each).
  ['two talks with topics of 30,000 letters', [[TALK, ['title:', `topics:\n  - ${'a'.repeat(30_000)}\ntitle:`]], ['seasons/s01/s01e02-reinke.md', () => TALK_TEXT.replace('episode: 1', `episode: 2\ntopics:\n  - ${'b'.repeat(30_000)}`)]]],
  ['a series title of 200 characters', [['site.yaml', [/title: .*/, `title: ${'Glass'.repeat(40)}`]]]],
  ['a tab and line breaks in a bio', [[TALK, [/bio: .*/, 'bio: "Hubert\\tDariusz\\nZając"']]]],
];

describe('content that looks odd but is fine gives no problem', () => {
  for (const [label, edits] of ACCEPTED) {
    it(label, async () => {
      expect(await checkEdited(edits)).toEqual([]);
    });
  }
});

describe('a list that is too long', () => {
  it('says how many entries it may have and how many it has', async () => {
    const problems = await checkEdited([TOO_MANY_TOPICS]);
    expect(problems.map((p) => p.message)).toEqual(['"topics" may list at most 12 entries, not 13']);
  });
});

describe('each mistake gives exactly one problem at the right file and line', () => {
  for (const [label, edits, expected] of MISTAKES) {
    it(label, async () => {
      const problems = await checkEdited(edits);
      expect(problems.map((p) => `${p.code} ${p.file}${p.line === undefined ? '' : `:${p.line}`}`)).toEqual([expected]);
    });
  }
});
