import path from 'node:path';
import type { RawContent, RawMarkdownFile } from '../load/read-content.js';
import { problem, type Problem } from '../problems.js';
import { checkSession, type ValidSessionFile } from './check-session.js';
import { firstBadCharacter } from './characters.js';
import type { KeyPath } from '../load/yaml.js';
import { checkMarkdownImages, checkPhoto, type MarkdownPlace } from './check-files.js';
import { findMojibake } from './mojibake.js';
import {
  pageSchema,
  sessionSchema,
  siteConfigSchema,
  talkSchema,
  type PageFrontMatter,
  type SiteConfigData,
  type TalkFrontMatter,
} from './schema.js';
import { validateFile, type FileKind, type Located } from './validate-file.js';

export type { Located } from './validate-file.js';
export type { ValidSessionFile } from './check-session.js';

/** A talk file that passed its schema. */
export interface ValidTalkFile extends Located {
  data: TalkFrontMatter;
  /** The abstract, Markdown. */
  abstract: string;
}

/** A content page that passed its schema. */
export interface ValidPageFile extends Located {
  data: PageFrontMatter;
  /** The page text, Markdown. */
  body: string;
}

/** Every file that passed validation; files with errors are left out. */
export interface ValidContent {
  site: (Located & { data: SiteConfigData }) | undefined;
  sessions: ValidSessionFile[];
  talks: ValidTalkFile[];
  pages: ValidPageFile[];
}

const SESSION_FACT = 'this is a fact of the whole session: write it once in seasons/sNN/session.yaml, not in the talk file';
const TALK_FACT = 'this belongs in a talk file (seasons/sNN/sNNeMM-name.md), not in session.yaml';

const TALK_FILE: FileKind = {
  name: 'front matter',
  elsewhere: {
    start: SESSION_FACT, timezone: SESSION_FACT, topic: SESSION_FACT, registration: SESSION_FACT,
    join: SESSION_FACT, duration: SESSION_FACT, status: SESSION_FACT,
    abstract: 'the abstract is not a key: write it as Markdown below the closing "---"',
  },
  synonyms: { speaker: 'speakers', video: 'recording', youtube: 'recording', institution: 'affiliation', university: 'affiliation', country: 'location', homepage: 'website', url: 'website' },
};
const SESSION_FILE: FileKind = {
  name: 'session file',
  elsewhere: { title: TALK_FACT, speakers: TALK_FACT, episode: TALK_FACT, slot: TALK_FACT, recording: TALK_FACT },
  synonyms: { date: 'start', time: 'start', datetime: 'start', when: 'start', zone: 'timezone', tz: 'timezone', time_zone: 'timezone', zoom: 'registration', register: 'registration', length: 'duration' },
};
const SITE_FILE: FileKind = { name: 'site config' };
const PAGE_FILE: FileKind = { name: 'front matter' };

/**
 * What validating one raw file gave, kept by the raw file's object: a dev rebuild reads again only the
 * files that changed (the others keep their objects), so only those are validated again.
 */
export type ValidationMemo = WeakMap<object, { value: unknown; problems: Problem[] }>;

/** Validate every raw file against its schema; problems from all files are collected. */
export function validateContent(raw: RawContent, memo?: ValidationMemo): { content: ValidContent; problems: Problem[] } {
  const problems: Problem[] = [];
  const once = <T>(file: object, validate: (own: Problem[]) => T): T => {
    let entry = memo?.get(file);
    if (!entry) {
      const own: Problem[] = [];
      entry = { value: validate(own), problems: own };
      memo?.set(file, entry);
    }
    problems.push(...entry.problems);
    return entry.value as T;
  };
  // The files content refers to (photos, images) are checked on every run, outside the memo: a file
  // added to static/ changes the answer for a talk file that did not change.
  const staticFiles = new Set(raw.staticFiles);
  const imagesOf = (markdown: string | undefined, place: Omit<MarkdownPlace, 'line' | 'body'> & { key: KeyPath; lineOf: Located['lineOf'] }) => {
    const before = problems.length;
    if (markdown !== undefined) checkMarkdownImages(markdown, { file: place.file, what: place.what, line: () => place.lineOf(place.key) ?? 1, body: false }, staticFiles, problems);
    return problems.length === before;
  };
  const validSite = raw.site ? once(raw.site, (own) => validateFile(raw.site!, siteConfigSchema, SITE_FILE, own)) : undefined;
  const site = validSite && [
    imagesOf(validSite.data.description, { ...validSite, what: 'the description', key: ['description'] }),
    imagesOf(validSite.data.funding, { ...validSite, what: '"funding"', key: ['funding'] }),
    imagesOf(validSite.data.newsletter?.text, { ...validSite, what: 'the newsletter text', key: ['newsletter', 'text'] }),
  ].every(Boolean) ? validSite : undefined;

  const sessions: ValidSessionFile[] = [];
  const brokenSeasons = new Set<unknown>();
  const brokenFolders = new Set<string>();
  for (const file of raw.sessions) {
    const session = once(file, (own) => {
      const valid = validateFile(file, sessionSchema, SESSION_FILE, own);
      return valid && checkSession(valid, own);
    });
    if (session) {
      sessions.push(session);
    } else {
      brokenSeasons.add((file.yaml.data as { season?: unknown } | undefined)?.season);
      brokenFolders.add(path.posix.dirname(file.file));
    }
  }

  const talks: ValidTalkFile[] = [];
  for (const file of raw.talks) {
    const talk = once(file, (own): ValidTalkFile | undefined => {
      const valid = validateFile(file, talkSchema, TALK_FILE, own);
      return valid && checkBody(file, 'talk', own) ? { ...valid, abstract: file.body } : undefined;
    });
    if (!talk) continue;
    const filesFound = [
      bodyImages(file, 'the abstract', staticFiles, problems),
      imagesOf(talk.data.joint_bio, { ...talk, what: '"joint_bio"', key: ['joint_bio'] }),
      ...talk.data.speakers.flatMap((speaker, i) => [
        imagesOf(speaker.bio, { ...talk, what: `"bio" of speaker ${i + 1}`, key: ['speakers', i, 'bio'] }),
        speaker.photo === undefined || checkPhoto(speaker.photo, { file: talk.file, lineOf: talk.lineOf }, ['speakers', i, 'photo'], staticFiles, problems),
      ]),
    ].every(Boolean);
    // A talk of a session with errors cannot be placed; "has no session file" would only mislead.
    if (!filesFound || brokenSeasons.has(talk.data.season) || brokenFolders.has(path.posix.dirname(file.file))) continue;
    talks.push(talk);
  }

  const pages: ValidPageFile[] = [];
  for (const file of raw.pages) {
    const page = once(file, (own): ValidPageFile | undefined => {
      const valid = validateFile(file, pageSchema, PAGE_FILE, own);
      return valid && checkBody(file, 'page', own) ? { ...valid, body: file.body } : undefined;
    });
    if (page && bodyImages(file, 'the page', staticFiles, problems)) pages.push(page);
  }
  return { content: { site, sessions, talks, pages }, problems };
}

/** The images of a Markdown body; false when one is not a site file. */
function bodyImages(file: RawMarkdownFile, what: string, staticFiles: ReadonlySet<string>, problems: Problem[]): boolean {
  const before = problems.length;
  checkMarkdownImages(file.body, { file: file.file, what, line: () => file.bodyLine, body: true }, staticFiles, problems);
  return problems.length === before;
}

/** A talk needs an abstract; no body may be double-encoded. */
function checkBody(file: RawMarkdownFile, kind: 'talk' | 'page', problems: Problem[]): boolean {
  if (kind === 'talk' && file.body.trim() === '') {
    // The closing "---" is the last line of the file then; the abstract goes below it.
    problems.push(problem(
      'empty-abstract', { file: file.file, line: Math.max(1, file.bodyLine - 1) },
      'the talk has no abstract',
      'write the abstract as Markdown below the closing "---" of the front matter',
    ));
    return false;
  }
  const bad = firstBadCharacter(file.body);
  if (bad) {
    problems.push(problem(
      'bad-character', { file: file.file, line: file.bodyLine + countNewlines(file.body.slice(0, bad.offset)) },
      `the ${kind === 'talk' ? 'abstract' : 'text'} contains ${bad.name}`,
      'delete it (it is invisible in most editors: retype the text around it); text pasted from a PDF often brings such characters in',
    ));
    return false;
  }
  const found = findMojibake(file.body);
  for (const item of found) {
    const before = file.body.slice(0, item.offset);
    problems.push(problem(
      'mojibake', { file: file.file, line: file.bodyLine + countNewlines(before) },
      `the text looks double-encoded: "${item.excerpt}"`,
      `it should probably read "${item.repaired}"; paste the text again from its original source`,
    ));
  }
  return found.length === 0;
}

function countNewlines(text: string): number {
  return text.match(/\n/g)?.length ?? 0;
}
