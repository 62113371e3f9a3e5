import { describe, expect, it } from 'vitest';
import { checkEdited, type Edit } from './fixture-check.js';

const TALK = 'seasons/s01/s01e01-zajac.md';
const SESSION = 'seasons/s01/session.yaml';
const ALL = ['site.yaml', SESSION, TALK];

/** What an organizer's editor or habits produce and the site takes without a word. */
const ACCEPTED: [label: string, edits: Edit[]][] = [
  ['a UTF-8 BOM in every file', ALL.map((file): Edit => [file, (t) => `\ufeff${t}`])],
  ['CRLF line ends in every file', ALL.map((file): Edit => [file, (t) => t.replace(/\n/g, '\r\n')])],
  ['a BOM and CRLF together', ALL.map((file): Edit => [file, (t) => `\ufeff${t.replace(/\n/g, '\r\n')}`])],
  ['an unquoted start', [[SESSION, ['"2024-03-25 16:00"', '2024-03-25 16:00']]]],
  ['an unquoted start with T and seconds', [[SESSION, ['"2024-03-25 16:00"', '2024-03-25T16:00:00']]]],
  ['an unquoted start with the right offset', [[SESSION, ['"2024-03-25 16:00"', '2024-03-25T16:00:00+01:00']]]],
  ['"Dr" without the dot', [[TALK, ['honorific: Dr.', 'honorific: Dr']]]],
  ['"Prof." and "prof"', [[TALK, ['honorific: Dr.', 'honorific: Prof.']], [TALK, ['honorific: Prof.', 'honorific: prof']]]],
  ['no honorific', [[TALK, ['    honorific: Dr.\n', '']]]],
  ['keys left empty', [[TALK, ['episode: 1', 'episode: 1\nslot:\njoint_bio:']]]],
  ['a session with its date to be announced', [[SESSION, () => 'season: 1\ntopic: Fairness\n']]],
  ['a zone in lower case', [[SESSION, ['Europe/Copenhagen', 'europe/copenhagen']]]],
  ['comments in the front matter', [[TALK, ['episode: 1', 'episode: 1   # S01E01']]]],
];

describe('accepted without complaint', () => {
  for (const [label, edits] of ACCEPTED) {
    it(label, async () => {
      expect(await checkEdited(edits)).toEqual([]);
    });
  }

  it('reports the right line in a CRLF file with a BOM', async () => {
    const problems = await checkEdited([[TALK, (t) => `\ufeff${t.replace('affiliation:', 'affilation:').replace(/\n/g, '\r\n')}`]]);
    expect(problems.map((p) => `${p.code} ${p.line}`)).toEqual(['unknown-key 8']);
  });
});
