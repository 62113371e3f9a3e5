import type { RawContent, RawMarkdownFile, RawYamlFile } from '../load/read-content.js';
import type { KeyPath } from '../load/yaml.js';
import type { Problem } from '../problems.js';
import { isKnownZone, parseSessionStart, type Instant } from '../time.js';
import { didYouMean } from './did-you-mean.js';
import { findMojibake } from './mojibake.js';
import {
  checkSchema,
  pageSchema,
  sessionSchema,
  siteConfigSchema,
  talkSchema,
  type PageFrontMatter,
  type SessionData,
  type SiteConfigData,
  type TalkFrontMatter,
} from './schema.js';

/** Where a validated record came from, for problems found in later stages. */
export interface Located {
  /** Display path of the file. */
  file: string;
  /** 1-based line of a key path in that file. */
  lineOf(path: KeyPath): number | undefined;
}

/** A talk file that passed its schema. */
export interface ValidTalkFile extends Located {
  data: TalkFrontMatter;
  /** The abstract, Markdown. */
  abstract: string;
}

/** A session file that passed its schema, with its start parsed in its zone. */
export interface ValidSessionFile extends Located {
  data: SessionData;
  /** Start instant in the session's zone; undefined while TBA. */
  start: Instant | undefined;
  /** For a rescheduled session, the start it had before. */
  previousStart: Instant | undefined;
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

/** Validate every raw file against its schema; problems from all files are collected. */
export function validateContent(raw: RawContent): { content: ValidContent; problems: Problem[] } {
  const problems: Problem[] = [];
  const checked = <T extends { data: unknown }>(file: RawYamlFile, schema: Parameters<typeof checkSchema>[0]) =>
    validateAgainst(file, schema, problems) as (Located & T) | undefined;

  let site: ValidContent['site'];
  if (!raw.site) {
    problems.push({
      code: 'missing-field', severity: 'error', file: 'content/site.yaml',
      message: 'the site config file is missing',
      hint: 'create content/site.yaml with at least title, description and url (see the README)',
    });
  } else {
    site = checked<{ data: SiteConfigData }>(raw.site, siteConfigSchema);
  }

  const sessions: ValidSessionFile[] = [];
  for (const file of raw.sessions) {
    const valid = checked<{ data: SessionData }>(file, sessionSchema);
    if (valid) {
      const session = checkSessionTimes(valid, problems);
      if (session) sessions.push(session);
    }
  }

  const talks: ValidTalkFile[] = [];
  for (const file of raw.talks) {
    const valid = checked<{ data: TalkFrontMatter }>(file, talkSchema);
    if (!valid) continue;
    if (file.body.trim() === '') {
      problems.push({
        code: 'empty-abstract', severity: 'error', file: file.file, line: file.bodyLine,
        message: 'the talk has no abstract',
        hint: 'write the abstract as Markdown below the closing "---" of the front matter',
      });
      continue;
    }
    if (reportMojibakeInBody(file, problems)) continue;
    talks.push({ ...valid, abstract: file.body });
  }

  const pages: ValidPageFile[] = [];
  for (const file of raw.pages) {
    const valid = checked<{ data: PageFrontMatter }>(file, pageSchema);
    if (valid && !reportMojibakeInBody(file, problems)) pages.push({ ...valid, body: file.body });
  }
  return { content: { site, sessions, talks, pages }, problems };
}

/** Schema check of one file's YAML; undefined (and problems) when it fails. */
function validateAgainst(file: RawYamlFile, schema: Parameters<typeof checkSchema>[0], problems: Problem[]) {
  if (file.yaml.errors.length > 0) return undefined;
  const data = dropNulls(file.yaml.data);
  const located = { file: file.file, lineOf: (path: KeyPath) => file.yaml.lineOf(path) };
  const lineOf = (path: KeyPath) => file.yaml.lineOf(path) ?? 1;
  if (data === null || data === undefined || typeof data !== 'object' || Array.isArray(data)) {
    problems.push({
      code: 'wrong-type', severity: 'error', file: file.file, line: 1,
      message: 'the file should contain YAML keys such as "title: …"',
      hint: 'see the complete example in the README',
    });
    return undefined;
  }
  const mojibake = findMojibake(data);
  for (const found of mojibake) {
    problems.push({
      code: 'mojibake', severity: 'error', file: file.file, line: lineOf(found.path),
      message: `"${found.path.join('.')}" looks double-encoded: "${found.excerpt}"`,
      hint: `it was probably meant to read "${found.repaired}"; paste the text again from its UTF-8 source`,
    });
  }
  const result = checkSchema(schema, data);
  if (!result.ok) {
    for (const issue of result.issues) {
      const line = lineOf(issue.path);
      if (issue.kind === 'unknown-key') {
        const suggestion = didYouMean(issue.key ?? '', issue.allowed ?? []);
        problems.push({
          code: 'unknown-key', severity: 'error', file: file.file, line,
          message: `unknown key "${issue.key}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`,
          hint: issue.allowed?.length ? `allowed here: ${issue.allowed.join(', ')}` : undefined,
        });
      } else if (issue.kind === 'missing') {
        problems.push({
          code: 'missing-field', severity: 'error', file: file.file, line,
          message: issue.message, hint: 'add the key; see the complete example in the README',
        });
      } else if (issue.kind === 'bad-url') {
        problems.push({ code: 'bad-url', severity: 'error', file: file.file, line, message: issue.message, hint: issue.hint });
      } else {
        problems.push({ code: 'wrong-type', severity: 'error', file: file.file, line, message: issue.message, hint: issue.hint });
      }
    }
    return undefined;
  }
  if (mojibake.length > 0) return undefined;
  return { ...located, data: result.value };
}

/** Parse start and previous_start in the session's zone, reporting what does not parse. */
function checkSessionTimes(session: Located & { data: SessionData }, problems: Problem[]): ValidSessionFile | undefined {
  const { data, file } = session;
  const lineOf = (key: string) => session.lineOf([key]) ?? 1;
  if (data.timezone !== undefined && !isKnownZone(data.timezone)) {
    problems.push({
      code: 'unknown-timezone', severity: 'error', file, line: lineOf('timezone'),
      message: `"${data.timezone}" is not an IANA time zone`,
      hint: 'use a name from the zone database such as Europe/Copenhagen (not "CET")',
    });
    return undefined;
  }
  const parse = (key: 'start' | 'previous_start'): Instant | undefined | null => {
    const value = data[key];
    if (value === undefined) return undefined;
    if (data.timezone === undefined) {
      problems.push({
        code: 'time-without-zone', severity: 'error', file, line: lineOf(key),
        message: `"${key}" has no time zone`,
        hint: 'add "timezone: Europe/Copenhagen" (the IANA zone the time is written in); CET or CEST is then computed',
      });
      return null;
    }
    const parsed = parseSessionStart(value, data.timezone);
    if (parsed.ok) return parsed.start;
    const shown = value instanceof Date ? value.toISOString() : value;
    problems.push({
      code: 'bad-datetime', severity: 'error', file, line: lineOf(key),
      message:
        parsed.reason === 'no-time'
          ? `"${key}" has a date but no time: "${shown}"`
          : parsed.reason === 'offset-mismatch'
            ? `"${key}" has the wrong UTC offset: ${parsed.detail}`
            : `"${key}" is not a date and time: "${shown}"`,
      hint: 'write the local time as "2024-03-25 16:00" and give the zone in "timezone"',
    });
    return null;
  };
  const start = parse('start');
  const previousStart = parse('previous_start');
  if (start === null || previousStart === null) return undefined;
  if (data.status === 'rescheduled' && (start === undefined || previousStart === undefined)) {
    problems.push({
      code: 'missing-field', severity: 'error', file, line: lineOf('status'),
      message: 'a rescheduled session needs both its new "start" and its "previous_start"',
      hint: 'write the new time in "start" and the time it had before in "previous_start"',
    });
    return undefined;
  }
  return { ...session, start, previousStart };
}

/** Mojibake in a Markdown body, reported at its line. */
function reportMojibakeInBody(file: RawMarkdownFile, problems: Problem[]): boolean {
  const found = findMojibake({ body: file.body });
  for (const item of found) {
    const before = file.body.slice(0, file.body.indexOf(item.excerpt));
    problems.push({
      code: 'mojibake', severity: 'error', file: file.file,
      line: file.bodyLine + (before.match(/\n/g)?.length ?? 0),
      message: `the text looks double-encoded: "${item.excerpt}"`,
      hint: `it was probably meant to read "${item.repaired}"; paste the text again from its UTF-8 source`,
    });
  }
  return found.length > 0;
}

/** An empty YAML value (`website:`) means the key is not set. */
function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNulls);
  if (value instanceof Date || value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== null) out[key] = dropNulls(item);
  return out;
}
