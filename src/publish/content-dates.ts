import type { Session, SiteModel } from '../model/types.js';
import { instantFromMillis, latest, type Instant } from '../time.js';

// Dates in the feed and the sitemap come from the content (and the build's `now`), never from the
// machine clock or file times, so two builds of the same content at the same `now` are identical.

/**
 * The `updated` date of a session's feed entry: when its files last changed, from the content's
 * history. Without a history, its start (so that a new date shows as an update), an undated session the
 * newest start of the schedule, with no dated session at all the Unix epoch: the same whatever the
 * build time, but in the future for a session still to come.
 */
export function feedDate(session: Session, model: SiteModel): Instant {
  return session.changedAt ?? session.start ?? newestStart(model) ?? instantFromMillis(0);
}

/** The newest start of any session, if any is dated. */
export function newestStart(model: SiteModel): Instant | undefined {
  return model.sessions.reduce<Instant | undefined>((found, s) => (s.start ? (found ? latest(found, s.start) : s.start) : found), undefined);
}

/**
 * When the schedule last moved on by `now`: the end of the most recently ended session. Pages that
 * list sessions (webinar page, archive) change exactly then; undefined while no session has ended.
 */
export function scheduleChangedAt(model: SiteModel): Instant | undefined {
  return model.past[0]?.end;
}

/**
 * When a session's own pages last changed: its end once it is over (registration gives way to the
 * recordings then); before that, when the schedule last moved on.
 */
export function sessionChangedAt(session: Session, model: SiteModel): Instant | undefined {
  return model.past.includes(session) ? session.end : scheduleChangedAt(model);
}
