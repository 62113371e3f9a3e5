import { describe, expect, it } from 'vitest';
import { indexSpeakers, indexTopics, speakerSlug } from '../../src/model/speakers-and-topics.js';
import type { Session, Speaker, Talk } from '../../src/model/types.js';

const person = (name: string, extra: Partial<Speaker> = {}): Speaker => ({ name, honorific: undefined, affiliation: undefined, location: undefined, website: undefined, bio: undefined, ...extra });

function talk(season: number, slot: number, speakers: Speaker[], topics: string[] = []): Talk {
  const code = `S${String(season).padStart(2, '0')}E${String(slot).padStart(2, '0')}`;
  return {
    file: `seasons/s${season}/${code}.md`, lineOf: (path) => (path[0] === 'topics' ? 5 + Number(path[1] ?? 0) : path[0] === 'speakers' ? 7 : undefined),
    season, episode: slot, slot, code, slug: code.toLowerCase(), title: code, speakers, jointBio: undefined, recording: undefined,
    topics, links: {}, abstract: 'An abstract.', extra: {},
  };
}

function session(season: number, talks: Talk[]): Session {
  return {
    file: `seasons/s${season}/session.yaml`, lineOf: () => undefined, season, code: `S0${season}`, slug: `s0${season}`, topic: undefined,
    start: undefined, end: undefined, durationMinutes: 90, timezone: undefined, registration: undefined, join: undefined, status: 'scheduled',
    previousStart: undefined, calendarRevision: undefined, changedAt: undefined, talks,
  };
}

describe('indexSpeakers', () => {
  it('makes one person of a name that spoke twice, newest talk first, credited as each talk credits them', () => {
    const early = talk(5, 1, [person('Hubert Dariusz Zając', { affiliation: 'ITU' })]);
    const late = talk(9, 2, [person('Hubert Dariusz Zając', { affiliation: 'University of Copenhagen' }), person('Ada Lovelace')]);
    const { speakers, problems } = indexSpeakers([session(5, [early]), session(9, [late])]);
    expect(speakers.map((s) => [s.slug, s.talks.map((t) => t.talk.code)])).toEqual([
      ['ada-lovelace', ['S09E02']],
      ['hubert-dariusz-zajac', ['S09E02', 'S05E01']],
    ]);
    expect(speakers[1]!.talks.map((t) => t.as.affiliation)).toEqual(['University of Copenhagen', 'ITU']);
    expect(problems).toEqual([]);
  });

  it('keeps two spellings of one name one person, and asks for one spelling where the older talk differs', () => {
    const { speakers, problems } = indexSpeakers([session(5, [talk(5, 1, [person('Hubert Zajac')])]), session(9, [talk(9, 1, [person('Hubert Zając')])])]);
    expect(speakers).toHaveLength(1);
    expect(speakers[0]!.name).toBe('Hubert Zając');
    expect(problems.map((p) => [p.code, p.file, p.line, p.severity])).toEqual([['speaker-spelling', 'seasons/s5/S05E01.md', 7, 'warning']]);
    expect(problems[0]!.message).toBe('speaker "Hubert Zajac" is written "Hubert Zając" in seasons/s9/S09E01.md: one person, two spellings');
  });

  it('gives a very long name a segment a file system takes, still one of its own', () => {
    const long = 'f '.repeat(5000);
    expect(speakerSlug(long).length).toBeLessThanOrEqual(80);
    expect(speakerSlug(long)).toMatch(/^f-f-f-.*-[0-9a-f]{10}$/);
    expect(speakerSlug(long)).not.toBe(speakerSlug(`${long}g`));
    expect(speakerSlug('Hubert Dariusz Zając')).toBe('hubert-dariusz-zajac');
  });

  it('gives a name without an ASCII reading a stable segment of its own', () => {
    expect(speakerSlug('王伟')).toMatch(/^speaker-[0-9a-f]{10}$/);
    expect(speakerSlug('王伟')).toBe(speakerSlug('王伟'));
    expect(speakerSlug('王伟')).not.toBe(speakerSlug('李娜'));
  });
});

describe('indexTopics', () => {
  it('lists each topic once by the spelling most talks use, with its talks newest first', () => {
    const a = talk(1, 1, [person('A')], ['Fairness', 'Dermatology']);
    const b = talk(2, 1, [person('B')], ['Fairness']);
    const c = talk(3, 1, [person('C')], ['fairness']);
    const { topics, problems } = indexTopics([session(1, [a]), session(2, [b]), session(3, [c])]);
    expect(topics.map((t) => [t.slug, t.label, t.talks.map((x) => x.talk.code)])).toEqual([
      ['dermatology', 'Dermatology', ['S01E01']],
      ['fairness', 'Fairness', ['S03E01', 'S02E01', 'S01E01']],
    ]);
    expect(problems.map((p) => [p.code, p.file, p.line, p.message])).toEqual([
      ['topic-spelling', 'seasons/s3/S03E01.md', 5, 'topic "fairness" is written "Fairness" in the other talks'],
    ]);
  });

  it('asks "did you mean" for a new topic close to one already used, and accepts a new topic otherwise', () => {
    const older = talk(1, 1, [person('A')], ['Segmentation']);
    const typo = talk(2, 1, [person('B')], ['Chest X-ray', 'Segmentaton']);
    const { problems } = indexTopics([session(1, [older]), session(2, [typo])]);
    expect(problems.map((p) => [p.file, p.line, p.message])).toEqual([['seasons/s2/S02E01.md', 6, 'topic "Segmentaton" is on no other talk (did you mean "Segmentation"?)']]);
  });
});
