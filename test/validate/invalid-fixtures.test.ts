import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES, type ProblemCode } from '../../src/problems.js';
import { checkFolder, FIXTURES, SITE_BASIC, where } from './fixture-check.js';

const TALK = 'seasons/s01/s01e01-zajac.md';
const SESSION = 'seasons/s01/session.yaml';

/**
 * Each folder under fixtures/invalid/ is site-basic with one mistake, named after the code it must
 * give: exactly that one problem, in that file, on that line.
 */
const EXPECTED: Record<string, { file: string; line?: number; severity?: 'warning' }> = {
  'yaml-syntax': { file: TALK, line: 4 },
  'no-front-matter': { file: TALK, line: 1 },
  'missing-field': { file: TALK, line: 6 },
  'wrong-type': { file: TALK, line: 5 },
  'unknown-key': { file: TALK, line: 5 },
  'bad-datetime': { file: SESSION, line: 3 },
  'time-without-zone': { file: SESSION, line: 3 },
  'unknown-timezone': { file: SESSION, line: 4 },
  'bad-url': { file: TALK, line: 10 },
  'duplicate-episode': { file: 'seasons/s01/s01e02-reinke.md', line: 3 },
  'duplicate-slot': { file: 'seasons/s01/s01e02-reinke.md', line: 4 },
  'unknown-session': { file: TALK, line: 2 },
  'duplicate-session': { file: 'seasons/s02/session.yaml', line: 1 },
  'output-collision': { file: 'pages/about.md', line: 3 },
  'empty-abstract': { file: TALK, line: 15 },
  mojibake: { file: 'site.yaml', line: 6 },
  'not-utf8': { file: TALK, line: 9 },
  'missing-file': { file: 'site.yaml' },
  'unexpected-file': { file: 'seasons/s01/session.yml' },
  'past-talk-without-recording': { file: TALK, line: 4, severity: 'warning' },
  'speaker-without-affiliation': { file: TALK, line: 6, severity: 'warning' },
  // #15: one person, one topic, one spelling.
  'speaker-spelling': { file: 'seasons/s01/s01e02-zajac.md', line: 6, severity: 'warning' },
  'topic-spelling': { file: 'seasons/s01/s01e02-reinke.md', line: 5, severity: 'warning' },
  // #12: content is untrusted input.
  'bad-character': { file: TALK, line: 4 },
  'too-large': { file: TALK, line: 13 },
  'unsafe-path': { file: 'pages/about.md', line: 3 },
  'external-embed': { file: TALK, line: 19 },
  'nonexistent-time': { file: SESSION, line: 3 },
  'ambiguous-time': { file: SESSION, line: 3 },
  'bad-image': { file: TALK, line: 11 },
};

/** Codes about templates and the output folder, tested by breaking a build in test/write/. */
const BUILD_CODES: ProblemCode[] = ['template-error', 'stray-output-file'];

describe('fixtures/invalid/<problem-code>', () => {
  it('has a fixture folder for every content problem code, and nothing else', async () => {
    const folders = (await readdir(path.join(FIXTURES, 'invalid'))).sort();
    expect(folders).toEqual(PROBLEM_CODES.filter((code) => !BUILD_CODES.includes(code)).sort());
    expect(Object.keys(EXPECTED).sort()).toEqual(folders);
  });

  it('accepts site-basic without a single problem', async () => {
    expect(await checkFolder(SITE_BASIC)).toEqual([]);
  });

  for (const [code, expected] of Object.entries(EXPECTED)) {
    it(`reports ${code} once, at ${expected.file}${expected.line ? `:${expected.line}` : ''}`, async () => {
      const problems = await checkFolder(path.join(FIXTURES, 'invalid', code));
      expect(where(problems)).toEqual([`${code} ${expected.file}${expected.line ? `:${expected.line}` : ''}`]);
      expect(problems[0]!.severity).toBe(expected.severity ?? 'error');
      expect(problems[0]!.message.length).toBeGreaterThan(10);
      if (expected.severity !== 'warning') expect(problems[0]!.hint, 'says how to fix it').toBeTruthy();
    });
  }
});
