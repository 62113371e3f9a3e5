import type { ConfigOverrides } from '../config.js';
import { CONFIG_DEFAULTS, resolveSiteConfig } from '../config.js';
import { problem, type Problem } from '../problems.js';
import { addMinutes, type Instant } from '../time.js';
import type { ValidContent, ValidSessionFile, ValidTalkFile } from '../validate/validate-content.js';
import { ROUTES, SITE_ROUTES } from '../routes.js';
import type { ContentHistory } from '../load/read-history.js';
import { seasonSlug, talkCode } from './codes.js';
import { surname } from './names.js';
import { applyHistory } from './revisions.js';
import { withoutTracking } from './recordings.js';
import { toSlug } from './slug.js';
import { indexSpeakers, indexTopics } from './speakers-and-topics.js';
import { isUpcoming, splitUpcomingPast } from './split-upcoming-past.js';
import type { ContentPage, Session, SiteModel, Talk } from './types.js';

/** Turn validated files into the site model; cross-file mistakes become problems. */
export function buildSiteModel(
  content: ValidContent,
  now: Instant,
  overrides: ConfigOverrides = {},
  history?: ContentHistory,
): { model: SiteModel | undefined; problems: Problem[] } {
  const problems: Problem[] = [];
  // Without a valid site.yaml there is no model, but the checks across files still run and report.
  const config = content.site ? resolveSiteConfig(content.site.data, overrides) : undefined;

  const sessionsBySeason = new Map<number, Session>();
  const sessionData = new Map<Session, unknown>();
  for (const file of content.sessions) {
    const existing = sessionsBySeason.get(file.data.season);
    if (existing) {
      problems.push(problem(
        'duplicate-session', { file: file.file, line: file.lineOf(['season']) },
        `season ${file.data.season} is already defined in ${existing.file}`,
        'keep one session.yaml per season, or change "season"',
      ));
      continue;
    }
    const session = toSession(file, config?.defaultDuration ?? CONFIG_DEFAULTS.defaultDuration);
    sessionsBySeason.set(file.data.season, session);
    sessionData.set(session, file.data);
  }

  const talkCodes = new Map<string, ValidTalkFile>();
  const slots = new Map<string, ValidTalkFile>();
  for (const file of content.talks) {
    const { season, episode } = file.data;
    const session = sessionsBySeason.get(season);
    if (!session) {
      problems.push(problem(
        'unknown-session', { file: file.file, line: file.lineOf(['season']) },
        `season ${season} has no session file`,
        `create content/seasons/${seasonSlug(season)}/session.yaml (npm run new does it), or fix "season"`,
      ));
      continue;
    }
    const talk = toTalk(file);
    if (episode !== undefined) {
      const clash = talkCodes.get(talk.code);
      if (clash) {
        problems.push(problem(
          'duplicate-episode', { file: file.file, line: file.lineOf(['episode']) },
          `${talk.code} is already used by ${clash.file}`,
          'give this talk the next free episode number',
        ));
        continue;
      }
      talkCodes.set(talk.code, file);
    }
    // An unnumbered talk without a slot has no position to clash over; its page path is checked below.
    const slotKey = file.data.slot ?? episode ?? `unnumbered ${file.file}`;
    const slotClash = slots.get(`${season}/${slotKey}`);
    if (slotClash) {
      problems.push(problem(
        'duplicate-slot', { file: file.file, line: file.lineOf([file.data.slot !== undefined ? 'slot' : 'episode']) ?? file.lineOf(['season']) },
        `slot ${talk.slot} of ${session.code} is already taken by ${slotClash.file}`,
        'set "slot" to this talk\'s position in the session (1, 2, 3, …)',
      ));
      continue;
    }
    slots.set(`${season}/${slotKey}`, file);
    session.talks.push(talk);
  }

  const sessions = [...sessionsBySeason.values()].sort((a, b) => a.season - b.season);
  for (const session of sessions) session.talks.sort((a, b) => a.slot - b.slot);
  if (history) applyHistory(sessions, history, sessionData, now);

  const pages: ContentPage[] = content.pages.map((page) => ({
    file: page.file,
    lineOf: page.lineOf,
    title: page.data.title,
    permalink: page.data.permalink,
    description: page.data.description,
    body: page.body,
  }));
  const { speakers, problems: speakerProblems } = indexSpeakers(sessions);
  const { topics, problems: topicProblems } = indexTopics(sessions);
  problems.push(...findOutputCollisions(sessions, pages, [...speakers.map(ROUTES.speaker), ...topics.map(ROUTES.topic)]));
  problems.push(...findWarnings(sessions, now), ...speakerProblems, ...topicProblems);

  if (!config) return { model: undefined, problems };
  const { upcoming, past } = splitUpcomingPast(sessions, now);
  return { model: { config, now, sessions, upcoming, past, pages, speakers, topics }, problems };
}

function toSession(file: ValidSessionFile, defaultDuration: number): Session {
  const { data } = file;
  const durationMinutes = data.duration ?? defaultDuration;
  return {
    file: file.file,
    lineOf: file.lineOf,
    season: data.season,
    code: talkCode(data.season, undefined),
    slug: seasonSlug(data.season),
    topic: data.topic,
    start: file.start,
    end: file.start ? addMinutes(file.start, durationMinutes) : undefined,
    durationMinutes,
    timezone: data.timezone,
    registration: data.registration,
    join: data.join,
    status: data.status ?? 'scheduled',
    previousStart: file.previousStart,
    calendarRevision: undefined,
    changedAt: undefined,
    talks: [],
  };
}

function toTalk(file: ValidTalkFile): Talk {
  const { data } = file;
  const code = talkCode(data.season, data.episode);
  const surnames = data.speakers.map(surname).join(' ');
  return {
    file: file.file,
    lineOf: file.lineOf,
    season: data.season,
    episode: data.episode,
    // Unnumbered talks without a slot go after the numbered ones.
    slot: data.slot ?? data.episode ?? 1000,
    code,
    slug: data.episode !== undefined ? code.toLowerCase() : `${seasonSlug(data.season)}-${unnumberedSlug(surnames, file.file)}`,
    title: data.title,
    speakers: data.speakers.map((s) => ({
      name: s.name,
      honorific: s.honorific,
      affiliation: s.affiliation,
      location: s.location,
      website: s.website,
      bio: s.bio,
      photo: s.photo,
    })),
    jointBio: data.joint_bio,
    // The share link's si= parameter tracks who shared it: no output carries it.
    recording: data.recording && withoutTracking(data.recording),
    topics: data.topics ?? [],
    links: data.links ?? {},
    abstract: file.abstract,
    extra: data.extra ?? {},
  };
}

/**
 * The URL segment of a talk without an episode number: its speakers' surnames in ASCII ("damgaard-eriksen").
 * Names in a script without an ASCII reading (王伟) give nothing; the talk file's name stands in then.
 */
function unnumberedSlug(surnames: string, file: string): string {
  return toSlug(surnames) || toSlug(file.split('/').at(-1)!.replace(/\.md$/, '')) || 'talk';
}

/** Two files that would write the same page. */
function findOutputCollisions(sessions: Session[], pages: ContentPage[], indexRoutes: string[]): Problem[] {
  const problems: Problem[] = [];
  const owners = new Map<string, string>([...SITE_ROUTES, ...indexRoutes].map((route) => [route, 'the site itself']));
  for (const session of sessions) owners.set(ROUTES.session(session), session.file);
  for (const session of sessions) {
    for (const talk of session.talks) {
      const route = ROUTES.talk(talk);
      const owner = owners.get(route);
      if (owner) {
        problems.push(problem(
          'output-collision', { file: talk.file, line: talk.lineOf(['speakers']) },
          `this talk would be written to /${route}, which ${owner} also writes`,
          'give the talk an episode number, or make its speakers differ',
        ));
      } else {
        owners.set(route, talk.file);
      }
    }
  }
  for (const page of pages) {
    const owner = owners.get(ROUTES.page(page.permalink));
    if (owner) {
      problems.push(problem(
        'output-collision', { file: page.file, line: page.lineOf(['permalink']) },
        `permalink ${page.permalink} is also written by ${owner}`,
        'choose another permalink',
      ));
    } else {
      owners.set(ROUTES.page(page.permalink), page.file);
    }
  }
  return problems;
}

/** Things worth fixing that do not stop the build. */
function findWarnings(sessions: Session[], now: Instant): Problem[] {
  const problems: Problem[] = [];
  for (const session of sessions) {
    const past = !isUpcoming(session, now);
    for (const talk of session.talks) {
      if (past && !talk.recording && session.status !== 'cancelled') {
        problems.push(problem(
          'past-talk-without-recording', { file: talk.file, line: talk.lineOf(['title']) },
          `${talk.code} has taken place but has no recording`,
          'add "recording: https://www.youtube.com/watch?v=…" once the video is up (ignore if the speaker did not agree)',
        ));
      }
      talk.speakers.forEach((speaker, i) => {
        if (!speaker.affiliation) {
          problems.push(problem(
            'speaker-without-affiliation', { file: talk.file, line: talk.lineOf(['speakers', i]) },
            `speaker "${speaker.name}" has no affiliation`,
            'add "affiliation:" under the speaker',
          ));
        }
      });
    }
  }
  return problems;
}
