import type { Instant } from '../time.js';
import { toMillis } from '../time.js';
import type { Session } from './types.js';

/**
 * The one upcoming/past predicate of the site: a session is upcoming until it has ended
 * (start + duration). A session without a date is upcoming.
 */
export function isUpcoming(session: Pick<Session, 'end'>, now: Instant): boolean {
  return session.end === undefined || toMillis(now) < toMillis(session.end);
}

/** Whether a session that takes place is on at this instant: from its start until its end. */
export function isLive(session: Pick<Session, 'start' | 'end' | 'status'>, now: Instant): boolean {
  return session.start !== undefined && session.end !== undefined && takesPlace(session)
    && toMillis(session.start) <= toMillis(now) && toMillis(now) < toMillis(session.end);
}

/** Upcoming soonest first (undated last), past newest first. */
export function splitUpcomingPast(sessions: readonly Session[], now: Instant): { upcoming: Session[]; past: Session[] } {
  const upcoming = sessions.filter((s) => isUpcoming(s, now)).sort(bySoonest);
  const past = sessions.filter((s) => !isUpcoming(s, now)).sort((a, b) => bySoonest(b, a));
  return { upcoming, past };
}

function bySoonest(a: Session, b: Session): number {
  if (a.start && b.start) return toMillis(a.start) - toMillis(b.start) || a.season - b.season;
  if (a.start) return -1;
  if (b.start) return 1;
  return a.season - b.season;
}

/** Whether a session will take place: not cancelled, not postponed. */
export function takesPlace(session: Pick<Session, 'status'>): boolean {
  return session.status === 'scheduled' || session.status === 'rescheduled';
}

/**
 * The webinar page's view of the upcoming sessions: the next one that will take place, the sessions
 * called off before it (announced beside it, for those who had registered), and the rest.
 */
export function nextAndLater(upcoming: readonly Session[]): { next: Session | undefined; calledOff: Session[]; later: Session[] } {
  const index = upcoming.findIndex(takesPlace);
  const before = index === -1 ? upcoming : upcoming.slice(0, index);
  return {
    next: index === -1 ? undefined : upcoming[index],
    calledOff: before.filter((s) => !takesPlace(s)),
    later: index === -1 ? [] : upcoming.slice(index + 1),
  };
}
