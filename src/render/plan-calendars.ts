import type { Session } from '../model/types.js';
import { CALENDAR_ROUTES, eventStart } from './calendar-event.js';
import type { PlannedOutput, RenderContext } from './context.js';
import { buildCalendar } from './ics.js';

/** The calendar files: one `.ics` per dated session and the series feed of all of them. */
export function planCalendars(ctx: RenderContext): PlannedOutput[] {
  const { model, views } = ctx;
  const host = new URL(model.config.siteUrl).hostname;
  const productId = `-//${host}//${model.config.plainTitle}//EN`;
  // The views hold the one CalendarEvent per session that the pages' links are built from too.
  const eventsOf = (sessions: readonly Session[]) => sessions.flatMap((s) => views.session(s).calendar?.event ?? []);

  const outputs: PlannedOutput[] = model.sessions.filter(eventStart).map((session) => ({
    path: CALENDAR_ROUTES.session(session),
    scope: { kind: 'session', season: session.season },
    render: () => buildCalendar({ productId, events: eventsOf([session]) }),
  }));
  outputs.push({
    path: CALENDAR_ROUTES.feed,
    scope: { kind: 'global' },
    // Past, cancelled and postponed sessions stay in the feed: nothing silently disappears.
    render: () => buildCalendar({ productId, name: model.config.plainTitle, events: eventsOf(model.sessions) }),
  });
  return outputs;
}
