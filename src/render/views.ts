import type { SiteConfig } from '../config.js';
import type { Session, SiteModel, Speaker, Talk } from '../model/types.js';
import { isUpcoming } from '../model/split-upcoming-past.js';
import {
  abbreviation,
  addMinutes,
  formatDate,
  formatDateWithWeekday,
  formatTime,
  isoWithOffset,
  type Instant,
} from '../time.js';
import { CALENDAR_ROUTES, sessionCalendarEvent } from './calendar-event.js';
import { addToCalendarLinks } from './calendar-links.js';
import { jsonLdScriptText, sessionEvent } from './json-ld.js';
import type { MarkdownRenderer } from '../markdown.js';
import { photoView } from './photos.js';
import { PUBLISH_ROUTES } from './publish-routes.js';
import { markSafe } from './templates.js';
import { withoutTracking, youtubeEmbedUrl } from './youtube.js';

/** Site-relative and absolute URLs under the base path. */
export interface Urls {
  /** "/repo/webinar/" for "webinar/". */
  path(relative: string): string;
  /** "https://owner.github.io/repo/webinar/". */
  absolute(relative: string): string;
}

/** URL helpers for a config. */
export function createUrls(config: SiteConfig): Urls {
  const path = (relative: string) => config.basePath + relative.replace(/^\/+/, '');
  return { path, absolute: (relative) => config.siteUrl + path(relative) };
}

/** Where each kind of page lives, relative to the base path. */
export const ROUTES = {
  home: '',
  webinar: 'webinar/',
  archive: 'webinar_talks/',
  session: (session: Pick<Session, 'slug'>) => `webinar/${session.slug}/`,
  talk: (talk: Pick<Talk, 'slug'>) => `webinar/${talk.slug}/`,
  archiveEntry: (talk: Pick<Talk, 'slug'>) => `webinar_talks/#${talk.slug}`,
} as const;

/** A session's time as pages show it. */
export interface WhenView {
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

/** A time view for a start and end in the session's zone. */
export function whenView(start: Instant, end: Instant): WhenView {
  const zone = abbreviation(start);
  const endZone = abbreviation(end);
  const time = formatTime(start);
  const endTime = formatTime(end);
  // A session that crosses a DST switch names both zones.
  const range = endZone === zone ? `${time}–${endTime} ${zone}` : `${time} ${zone}–${endTime} ${endZone}`;
  const day = formatDateWithWeekday(start);
  return {
    text: `${day}, ${range}`,
    day,
    range,
    date: formatDate(start),
    time,
    endTime,
    zone,
    iso: isoWithOffset(start),
    isoEnd: isoWithOffset(end),
  };
}

/** "Dr. Annika Reinke" */
export function displayName(speaker: Speaker): string {
  return speaker.honorific ? `${speaker.honorific} ${speaker.name}` : speaker.name;
}

/** "DKFZ, Germany" */
export function placeOf(speaker: Speaker): string {
  return [speaker.affiliation, speaker.location].filter(Boolean).join(', ');
}

/** "Hubert Dariusz Zając and Natalia-Rozalia Avlona (University of Copenhagen, Denmark)": speakers sharing a place share the brackets. */
export function speakersLine(speakers: readonly Speaker[]): string {
  const groups: { names: string[]; place: string }[] = [];
  for (const speaker of speakers) {
    const place = placeOf(speaker);
    const last = groups.at(-1);
    if (last && last.place === place) last.names.push(displayName(speaker));
    else groups.push({ names: [displayName(speaker)], place });
  }
  return joinAnd(groups.map((g) => (g.place ? `${joinAnd(g.names)} (${g.place})` : joinAnd(g.names))));
}

/** "A", "A and B", "A, B and C" */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Builds the views templates receive, rendering each piece of Markdown once. */
export function createViews(model: SiteModel, markdown: MarkdownRenderer) {
  const urls = createUrls(model.config);
  const talkViews = new Map<Talk, ReturnType<typeof talkView>>();
  const sessionViews = new Map<Session, ReturnType<typeof sessionView>>();
  const htmlBySource = new Map<string, unknown>();
  // Abstracts and bios are rendered when a page first shows them, once per build.
  const markdownOnce = (source: string) => {
    let html = htmlBySource.get(source);
    if (html === undefined) htmlBySource.set(source, (html = markSafe(markdown.block(source))));
    return html;
  };

  function talkView(talk: Talk, session: Session) {
    return {
      code: talk.code,
      slug: talk.slug,
      numbered: talk.episode !== undefined,
      title: talk.title,
      speakersLine: speakersLine(talk.speakers),
      speakerNames: joinAnd(talk.speakers.map(displayName)),
      speakers: talk.speakers.map((speaker) => ({
        name: speaker.name,
        displayName: displayName(speaker),
        honorific: speaker.honorific,
        affiliation: speaker.affiliation,
        location: speaker.location,
        place: placeOf(speaker),
        website: speaker.website,
        get bioHtml() {
          return speaker.bio ? markdownOnce(speaker.bio) : undefined;
        },
        photo: photoView(speaker, urls),
      })),
      get jointBioHtml() {
        return talk.jointBio ? markdownOnce(talk.jointBio) : undefined;
      },
      get abstractHtml() {
        return markdownOnce(talk.abstract);
      },
      recording: talk.recording && withoutTracking(talk.recording),
      /** The youtube-nocookie.com player a click loads in place of the link; undefined for other hosts. */
      recordingEmbed: talk.recording && youtubeEmbedUrl(talk.recording),
      links: talk.links,
      url: urls.path(ROUTES.talk(talk)),
      archiveUrl: urls.path(ROUTES.archiveEntry(talk)),
      sessionCode: session.code,
      sessionUrl: urls.path(ROUTES.session(session)),
      extra: talk.extra,
    };
  }

  function sessionView(session: Session) {
    let jsonLd: { value: ReturnType<typeof eventJsonLd> } | undefined;
    let calendar: { value: ReturnType<typeof calendarView> } | undefined;
    return {
      code: session.code,
      slug: session.slug,
      season: session.season,
      topic: session.topic,
      when: session.start && session.end ? whenView(session.start, session.end) : undefined,
      timezone: session.timezone,
      durationMinutes: session.durationMinutes,
      registration: session.registration,
      join: session.join,
      status: session.status,
      previousWhen:
        session.previousStart
          ? whenView(session.previousStart, addMinutes(session.previousStart, session.durationMinutes))
          : undefined,
      upcoming: isUpcoming(session, model.now),
      url: urls.path(ROUTES.session(session)),
      talks: session.talks.map((talk) => talkFor(talk, session)),
      image: shareImage(session),
      // Computed when a page asks: lists of thousands of sessions need neither.
      get jsonLd() {
        return (jsonLd ??= { value: eventJsonLd(session) }).value;
      },
      get calendar() {
        return (calendar ??= { value: calendarView(session) }).value;
      },
    };
  }

  /** The session's calendar event (the instants every calendar format shares), its .ics file, and add-to-calendar links while it can be attended. */
  function calendarView(session: Session) {
    const previous = session.previousStart && whenView(session.previousStart, addMinutes(session.previousStart, session.durationMinutes));
    const event = sessionCalendarEvent(session, {
      seriesTitle: model.config.plainTitle,
      host: new URL(model.config.siteUrl).hostname,
      pageUrl: urls.absolute(ROUTES.session(session)),
      speakersLine: (talk) => speakersLine(talk.speakers),
      previousWhenText: previous ? previous.text : undefined,
    });
    if (!event) return undefined;
    const offered = isUpcoming(session, model.now) && event.status === 'CONFIRMED';
    return { event, file: urls.path(CALENDAR_ROUTES.session(session)), links: offered ? addToCalendarLinks(event) : undefined };
  }

  /** Upcoming sessions get an image of their own (they are the ones shared); past ones use the series image. */
  function shareImage(session: Session) {
    return urls.absolute(isUpcoming(session, model.now) ? PUBLISH_ROUTES.sessionImage(session) : PUBLISH_ROUTES.image);
  }

  /** The session's schema.org Event as `<script>` text; none while it is undated. */
  function eventJsonLd(session: Session) {
    const pages = { page: urls.absolute(ROUTES.session(session)), series: urls.absolute(ROUTES.webinar), image: shareImage(session) };
    const event = sessionEvent(session, model.config, pages);
    return event && markSafe(jsonLdScriptText(event));
  }

  function talkFor(talk: Talk, session: Session) {
    let view = talkViews.get(talk);
    if (!view) talkViews.set(talk, (view = talkView(talk, session)));
    return view;
  }

  function sessionFor(session: Session) {
    let view = sessionViews.get(session);
    if (!view) sessionViews.set(session, (view = sessionView(session)));
    return view;
  }

  return { urls, session: sessionFor };
}

/** The view of one session, as templates see it. */
export type SessionView = ReturnType<ReturnType<typeof createViews>['session']>;
/** The view of one talk, as templates see it. */
export type TalkView = SessionView['talks'][number];
