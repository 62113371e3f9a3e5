import type { Session, Talk } from '../model/types.js';
import { addMinutes, type Instant } from '../time.js';

/** Where the calendar files live, relative to the base path. */
export const CALENDAR_ROUTES = {
  /** One file per session, beside its page: "webinar/s05/s05.ics". */
  session: (session: Pick<Session, 'slug'>) => `webinar/${session.slug}/${session.slug}.ics`,
  /** The series feed of every dated session, past and upcoming. */
  feed: 'webinar/calendar.ics',
} as const;

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
  /** 0 as first announced; 1 once rescheduled, postponed or cancelled (RFC 5545 §3.8.7.4). */
  sequence: number;
}

/** What the event of a session is made from, besides the session itself. */
export interface CalendarEventInput {
  /** The series title without the 👀 ("Looking-Glass"), as calendars and screen readers read it. */
  seriesTitle: string;
  /** Host of the site, for the UID. */
  host: string;
  /** Absolute URL of the session page. */
  pageUrl: string;
  /** Each talk's speakers with their places, in running order. */
  speakersLine: (talk: Talk) => string;
  /** "Monday 18 March 2024, 16:00–17:30 CET" for a rescheduled session's previous time. */
  previousWhenText: string | undefined;
}

/**
 * The calendar event of a session, or undefined while it never had a date. A postponed session
 * without a new start keeps its previous slot, marked cancelled, so calendars that hold it learn.
 */
export function sessionCalendarEvent(session: Session, input: CalendarEventInput): CalendarEvent | undefined {
  const start = eventStart(session);
  if (!start) return undefined;
  const end = addMinutes(start, session.durationMinutes);
  const active = session.status === 'scheduled' || session.status === 'rescheduled';
  const name = `${input.seriesTitle} ${session.code}${session.topic ? `: ${session.topic}` : ''}`;
  return {
    uid: `${session.slug}@${input.host}`,
    start,
    end,
    title: STATUS_PREFIX[session.status] + name,
    description: describeSession(session, input),
    location: session.join ? `Zoom: ${session.join}` : 'Online (Zoom)',
    url: input.pageUrl,
    status: active ? 'CONFIRMED' : 'CANCELLED',
    sequence: session.status === 'scheduled' ? 0 : 1,
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

function describeSession(session: Session, input: CalendarEventInput): string {
  const lines: string[] = [];
  if (session.status === 'cancelled') lines.push('Cancelled: this session will not take place.', '');
  if (session.status === 'postponed') lines.push('Postponed: a new date will be announced.', '');
  if (session.status === 'rescheduled' && input.previousWhenText) lines.push(`Rescheduled from ${input.previousWhenText}.`, '');
  for (const talk of session.talks) {
    const speakers = input.speakersLine(talk);
    lines.push(`${talk.code}: ${talk.title}${speakers ? `, by ${speakers}` : ''}`);
  }
  if (session.talks.length) lines.push('');
  if (session.registration) lines.push(`Register on Zoom: ${session.registration}`);
  else if (session.join) lines.push(`Join on Zoom: ${session.join}`);
  lines.push(`Session page: ${input.pageUrl}`);
  return lines.join('\n');
}
