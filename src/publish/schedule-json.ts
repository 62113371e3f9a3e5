import type { Session, SiteModel, Talk } from '../model/types.js';
import { isUpcoming } from '../model/split-upcoming-past.js';
import { abbreviation, isoUtc, isoWithOffset, type Instant } from '../time.js';
import { ROUTES, type Urls } from '../routes.js';
import type { CalendarEvent } from './calendar-events.js';

/** Bumped when a field changes meaning or goes away; new fields keep the version. */
export const SCHEDULE_FORMAT_VERSION = 1;

/** An instant both ways: in UTC and as wall time in the session's zone. */
export interface ScheduleInstant {
  /** "2024-03-25T15:00:00Z" */
  utc: string;
  /** "2024-03-25T16:00:00+01:00" */
  local: string;
  /** "CET" */
  zone: string;
}

/** The whole schedule as JSON for other tools; docs/talks-json.md documents every field. */
export function renderScheduleJson(model: SiteModel, urls: Urls, events: ReadonlyMap<Session, CalendarEvent>): string {
  const schedule = {
    version: SCHEDULE_FORMAT_VERSION,
    series: {
      title: model.config.title,
      plainTitle: model.config.plainTitle,
      url: urls.absolute(ROUTES.webinar),
      archive: urls.absolute(ROUTES.archive),
      feed: urls.absolute(ROUTES.feed),
      calendar: urls.absolute(ROUTES.calendarFeed),
      playlist: model.config.playlist ?? null,
    },
    sessions: model.sessions.map((session) => sessionJson(session, model, urls, events.has(session))),
  };
  return `${JSON.stringify(schedule, null, 2)}\n`;
}

function sessionJson(session: Session, model: SiteModel, urls: Urls, hasCalendar: boolean) {
  const upcoming = isUpcoming(session, model.now);
  return {
    season: session.season,
    code: session.code,
    topic: session.topic ?? null,
    status: session.status,
    upcoming,
    url: urls.absolute(ROUTES.session(session)),
    timezone: session.timezone ?? null,
    start: instantJson(session.start),
    end: instantJson(session.end),
    durationMinutes: session.durationMinutes,
    previousStart: instantJson(session.previousStart),
    registration: session.registration ?? null,
    join: session.join ?? null,
    calendar: hasCalendar ? urls.absolute(ROUTES.sessionCalendar(session)) : null,
    talks: session.talks.map((talk) => talkJson(talk, urls, !upcoming)),
  };
}

function talkJson(talk: Talk, urls: Urls, archived: boolean) {
  return {
    code: talk.code,
    slug: talk.slug,
    episode: talk.episode ?? null,
    slot: talk.slot,
    title: talk.title,
    url: urls.absolute(ROUTES.talk(talk)),
    // The archive lists past talks only.
    archiveUrl: archived ? urls.absolute(ROUTES.archiveEntry(talk)) : null,
    speakers: talk.speakers.map((speaker) => ({
      name: speaker.name,
      honorific: speaker.honorific ?? null,
      affiliation: speaker.affiliation ?? null,
      location: speaker.location ?? null,
      website: speaker.website ?? null,
      bio: speaker.bio ?? null,
    })),
    jointBio: talk.jointBio ?? null,
    abstract: talk.abstract,
    recording: talk.recording ?? null,
    links: { slides: talk.links.slides ?? null, website: talk.links.website ?? null },
  };
}

function instantJson(at: Instant | undefined): ScheduleInstant | null {
  return at ? { utc: isoUtc(at), local: isoWithOffset(at), zone: abbreviation(at) } : null;
}
