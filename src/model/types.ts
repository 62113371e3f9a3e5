import type { SiteConfig } from '../config.js';
import type { KeyPath } from '../load/yaml.js';
import type { Instant } from '../time.js';
import type { SessionStatus } from '../validate/schema.js';

/** A speaker as the pages show them. */
export interface Speaker {
  name: string;
  /** "Dr." or "Prof.", normalised with the dot. */
  honorific: 'Dr.' | 'Prof.' | undefined;
  affiliation: string | undefined;
  location: string | undefined;
  website: string | undefined;
  /** Markdown. */
  bio: string | undefined;
  /** Photo: a JPEG or PNG path inside content/static/. */
  photo?: string;
}

/** One talk of a session. */
export interface Talk {
  /** Display path of the talk file. */
  file: string;
  /** 1-based line of a key in the talk file, for problems found after validation. */
  lineOf(path: KeyPath): number | undefined;
  season: number;
  episode: number | undefined;
  /** Position in the session's running order. */
  slot: number;
  /** "S05E02", or "S03" for a talk without an episode number. */
  code: string;
  /** URL segment and archive anchor: "s05e02", or "s03-damgaard-eriksen". */
  slug: string;
  title: string;
  speakers: Speaker[];
  /** One bio for all speakers, Markdown. */
  jointBio: string | undefined;
  /** Recording URL. */
  recording: string | undefined;
  /** Topics as the talk file writes them. */
  topics: string[];
  links: { slides?: string; website?: string };
  /** Markdown. */
  abstract: string;
  /** Free-form data from the talk file's `extra:`. */
  extra: Record<string, unknown>;
}

/** A webinar session: the talks of one season, sharing topic, time and registration. */
export interface Session {
  /** Display path of the session file. */
  file: string;
  /** 1-based line of a key in the session file. */
  lineOf(path: KeyPath): number | undefined;
  season: number;
  /** "S05". */
  code: string;
  /** "s05". */
  slug: string;
  topic: string | undefined;
  /** Undefined while the date is to be announced. */
  start: Instant | undefined;
  /** start + duration. */
  end: Instant | undefined;
  durationMinutes: number;
  /** IANA zone of start. */
  timezone: string | undefined;
  registration: string | undefined;
  join: string | undefined;
  status: SessionStatus;
  previousStart: Instant | undefined;
  /**
   * From the content's history (undefined without one): how often the start, duration or status changed
   * since the session file was first committed (RFC 5545 SEQUENCE), and when they last did.
   */
  calendarRevision: { sequence: number; changedAt: Instant } | undefined;
  /** From the content's history: when the session file or one of its talks last changed. */
  changedAt: Instant | undefined;
  /** In running order. */
  talks: Talk[];
}

/** A content page such as the privacy notice. */
export interface ContentPage {
  file: string;
  /** 1-based line of a key in the page's front matter. */
  lineOf(path: KeyPath): number | undefined;
  title: string;
  /** "/privacy-notice/". */
  permalink: string;
  description: string | undefined;
  /** Markdown. */
  body: string;
}

/** A talk with the session it belongs to. */
export interface TalkInSession {
  talk: Talk;
  session: Session;
}

/** A person who spoke in the series: one page with every talk they gave. */
export interface SpeakerProfile {
  /** URL segment: "hubert-dariusz-zajac". */
  slug: string;
  /** As their latest talk writes it. */
  name: string;
  /** Newest first, each with the speaker as that talk credits them (affiliation, bio of the time). */
  talks: (TalkInSession & { as: Speaker })[];
}

/** A topic talks are tagged with: one page with its talks. */
export interface Topic {
  /** URL segment: "fairness". */
  slug: string;
  /** The spelling most talks use. */
  label: string;
  /** Newest first. */
  talks: TalkInSession[];
}

/** Everything the render stage needs, with times split at `now`. */
export interface SiteModel {
  config: SiteConfig;
  /** The build's notion of now. */
  now: Instant;
  /** Every session, by season. */
  sessions: Session[];
  /** Not yet ended, soonest first; sessions without a date last. */
  upcoming: Session[];
  /** Ended, newest first. */
  past: Session[];
  pages: ContentPage[];
  /** Everyone who spoke, by name. */
  speakers: SpeakerProfile[];
  /** Every topic a talk has, by label. */
  topics: Topic[];
}
