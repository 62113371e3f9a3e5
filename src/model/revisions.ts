import type { ContentHistory } from '../load/read-history.js';
import { latest, parseSessionStart, type Instant } from '../time.js';
import type { Session } from './types.js';

/**
 * What calendars take from a session file: its start (as an instant, so that rewriting the same time
 * another way is no change), duration and status. A change of any of them is a new revision of the
 * calendar event (RFC 5545 SEQUENCE).
 */
function calendarFacts(data: unknown): string | undefined {
  if (data === null || typeof data !== 'object') return undefined;
  const { start, timezone, duration, status } = data as Record<string, unknown>;
  let when: unknown = start ?? null;
  if (typeof start === 'string' && typeof timezone === 'string') {
    const parsed = parseSessionStart(start, timezone);
    if (parsed.ok) when = parsed.start.toMillis();
  }
  return JSON.stringify([when, duration ?? null, status ?? 'scheduled']);
}

/**
 * Give each session its calendar revision and the time its pages last changed, from the content's
 * history. A change not committed yet (a local build, `dev`) counts as made at `now`.
 */
export function applyHistory(sessions: readonly Session[], history: ContentHistory, currentData: ReadonlyMap<Session, unknown>, now: Instant): void {
  for (const session of sessions) {
    const revisions = history.get(session.file) ?? [];
    let facts: string | undefined;
    let sequence = -1;
    let changedAt: Instant = now;
    for (const revision of revisions) {
      const these = calendarFacts(revision.data);
      if (these === undefined || these === facts) continue;
      facts = these;
      sequence++;
      changedAt = revision.at;
    }
    if (calendarFacts(currentData.get(session)) !== facts) {
      sequence++;
      changedAt = now;
    }
    session.calendarRevision = { sequence, changedAt };
    const files = [session.file, ...session.talks.map((talk) => talk.file)];
    const committed = files.map((file) => history.get(file)?.at(-1)?.at);
    // A file without a commit is new: it changed now.
    session.changedAt = committed.reduce<Instant>((found, at) => latest(found, at ?? now), committed[0] ?? now);
  }
}
