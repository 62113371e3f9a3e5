import { sessionLabel, speakersLine } from '../model/names.js';
import type { Session, SiteModel } from '../model/types.js';
import { previousWhenOf } from '../model/when.js';
import { ROUTES, type Urls } from '../routes.js';
import { addMinutes, type Instant } from '../time.js';

/** The RFC 5545 STATUS of an event. */
export type EventStatus = 'CONFIRMED' | 'CANCELLED';

/**
 * One session as every calendar format sees it: the ICS files, the add-to-calendar links and,
 * later, JSON exports all read these same instants and texts.
 */
export interface CalendarEvent {
  /** "s05@medical-datasets.github.io": stable for the life of the session. */
  uid: string;
  /** Start, in the session's zone (the instant is what counts). */
  start: Instant;
  end: Instant;
  /** "Datasets through the Looking-Glass S05: Dataset design and metrics" */
  title: string;
  /** Plain text with newlines: status, talks and speakers, registration, page. */
  description: string;
  location: string;
  /** Absolute URL of the session page. */
  url: string;
  status: EventStatus;
  /**
   * RFC 5545 §3.8.7.4: 0 as first announced, one more for every change of start, duration or status in
   * the content's history; without a history, 0, or 1 once rescheduled, postponed or cancelled.
   */
  sequence: number;
  /**
   * DTSTAMP and LAST-MODIFIED: when the start, duration or status last changed, from the history.
   * Without a history, the start: byte-identical whatever the build time, but in the future until then.
   */
  stamp: Instant;
}

/**
 * The calendar event of every session that has one, derived once per build: the calendar files, the
 * add-to-calendar links of the pages and the published schedule all read these.
 */
export function deriveCalendarEvents(model: SiteModel, urls: Urls): Map<Session, CalendarEvent> {
  const host = new URL(model.config.siteUrl).hostname;
  const events = new Map<Session, CalendarEvent>();
  for (const session of model.sessions) {
    const event = sessionCalendarEvent(session, model.config.plainTitle, host, urls.absolute(ROUTES.session(session)));
    if (event) events.set(session, event);
  }
  return events;
}

/**
 * The calendar event of a session, or undefined while it never had a date. A postponed session
 * without a new start keeps its previous slot, marked cancelled, so calendars that hold it learn.
 */
export function sessionCalendarEvent(session: Session, seriesTitle: string, host: string, pageUrl: string): CalendarEvent | undefined {
  const start = eventStart(session);
  if (!start) return undefined;
  const end = addMinutes(start, session.durationMinutes);
  const active = session.status === 'scheduled' || session.status === 'rescheduled';
  return {
    uid: `${session.slug}@${host}`,
    start,
    end,
    title: STATUS_PREFIX[session.status] + `${seriesTitle} ${sessionLabel(session)}`,
    description: describeSession(session, pageUrl),
    location: session.join ? `Zoom: ${session.join}` : 'Online (Zoom)',
    url: pageUrl,
    status: active ? 'CONFIRMED' : 'CANCELLED',
    sequence: session.calendarRevision?.sequence ?? (session.status === 'scheduled' ? 0 : 1),
    stamp: session.calendarRevision?.changedAt ?? start,
  };
}

/** Where a session's calendar event starts; undefined while the session has never had a date. */
export function eventStart(session: Session): Instant | undefined {
  return session.start ?? (session.status === 'postponed' ? session.previousStart : undefined);
}

// Calendars may hide a cancelled event or show it struck through; the title says it in any case.
const STATUS_PREFIX: Record<Session['status'], string> = {
  scheduled: '',
  rescheduled: '',
  postponed: 'Postponed: ',
  cancelled: 'Cancelled: ',
};

function describeSession(session: Session, pageUrl: string): string {
  const lines: string[] = [];
  const previous = previousWhenOf(session);
  if (session.status === 'cancelled') lines.push('Cancelled: this session will not take place.', '');
  if (session.status === 'postponed') lines.push('Postponed: a new date will be announced.', '');
  if (session.status === 'rescheduled' && previous) lines.push(`Rescheduled from ${previous.text}.`, '');
  for (const talk of session.talks) {
    const speakers = speakersLine(talk.speakers);
    lines.push(`${talk.code}: ${talk.title}${speakers ? `, by ${speakers}` : ''}`);
  }
  if (session.talks.length) lines.push('');
  if (session.registration) lines.push(`Register on Zoom: ${session.registration}`);
  else if (session.join) lines.push(`Join on Zoom: ${session.join}`);
  lines.push(`Session page: ${pageUrl}`);
  return lines.join('\n');
}
