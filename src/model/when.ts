import { abbreviation, addMinutes, formatDate, formatDateWithWeekday, formatTime, isoWithOffset, type Instant } from '../time.js';
import type { Session } from './types.js';

/** A session's time in words and in ISO 8601, in the session's zone. */
export interface When {
  /** "Monday 25 March 2024, 16:00–17:30 CET" */
  text: string;
  /** "Monday 25 March 2024": `text` up to the comma. */
  day: string;
  /** "16:00–17:30 CET": `text` after the comma. */
  range: string;
  /** "25 March 2024" */
  date: string;
  /** "16:00" */
  time: string;
  /** "17:30" */
  endTime: string;
  /** "CET" */
  zone: string;
  /** "2024-03-25T16:00:00+01:00" */
  iso: string;
  /** "2024-03-25T17:30:00+01:00" */
  isoEnd: string;
}

/** The time from `start` to `end`, as pages and feeds say it. */
export function describeWhen(start: Instant, end: Instant): When {
  const zone = abbreviation(start);
  const endZone = abbreviation(end);
  const time = formatTime(start);
  const endTime = formatTime(end);
  // A session that crosses a DST switch names both zones.
  const range = endZone === zone ? `${time}–${endTime} ${zone}` : `${time} ${zone}–${endTime} ${endZone}`;
  const day = formatDateWithWeekday(start);
  return { text: `${day}, ${range}`, day, range, date: formatDate(start), time, endTime, zone, iso: isoWithOffset(start), isoEnd: isoWithOffset(end) };
}

/** When a session takes place; undefined while its date is to be announced. */
export function whenOf(session: Pick<Session, 'start' | 'end'>): When | undefined {
  return session.start && session.end ? describeWhen(session.start, session.end) : undefined;
}

/** When a rescheduled session was to take place before, for as long as it lasts now. */
export function previousWhenOf(session: Pick<Session, 'previousStart' | 'durationMinutes'>): When | undefined {
  return session.previousStart ? describeWhen(session.previousStart, addMinutes(session.previousStart, session.durationMinutes)) : undefined;
}
