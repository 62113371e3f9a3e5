import type { MarkdownRenderer } from '../markdown.js';
import { displayName, joinAnd, placeOf, speakersLine, surname } from '../model/names.js';
import { youtubeEmbedUrl } from '../model/recordings.js';
import { speakerSlug, topicSlug } from '../model/speakers-and-topics.js';
import { isLive, isUpcoming, takesPlace } from '../model/split-upcoming-past.js';
import type { Session, SiteModel, SpeakerProfile, Talk, Topic } from '../model/types.js';
import { previousWhenOf, whenOf } from '../model/when.js';
import { addToCalendarLinks } from '../publish/calendar-links.js';
import type { CalendarEvent } from '../publish/calendar-events.js';
import { jsonLdScriptText, sessionEvent } from '../publish/json-ld.js';
import { photoView } from '../publish/photos.js';
import { ROUTES, type Urls } from '../routes.js';

/** What the views are made from, besides the model. */
export interface ViewInputs {
  urls: Urls;
  markdown: MarkdownRenderer;
  events: ReadonlyMap<Session, CalendarEvent>;
  /**
   * Marks HTML the build made (rendered Markdown, JSON-LD) as safe for the templates, whose escaping
   * would otherwise show it as text; the template engine gives it.
   */
  html: (html: string) => unknown;
}

/** The views templates receive: plain data about sessions and talks, each made once per build. */
export function createViews(model: SiteModel, { urls, markdown, events, html }: ViewInputs) {
  const talkViews = new Map<Talk, ReturnType<typeof talkView>>();
  const sessionViews = new Map<Session, ReturnType<typeof sessionView>>();
  // Abstracts and bios are rendered when a page first shows them (the renderer keeps each text's HTML).
  const markdownOnce = (source: string) => html(markdown.block(source));
  const topicsBySlug = new Map(model.topics.map((topic) => [topic.slug, topic]));
  // A slug takes a transliteration; names and topics recur across talks, so each link is made once a build.
  const speakerPath = madeOnce((name: string) => urls.path(ROUTES.speaker({ slug: speakerSlug(name) })));
  const topicLink = madeOnce((label: string) => {
    const topic = topicsBySlug.get(topicSlug(label))!;
    return { label: topic.label, slug: topic.slug, url: urls.path(ROUTES.topic(topic)) };
  });

  function talkView(talk: Talk, session: Session) {
    return {
      code: talk.code,
      /** "S05E02", or for a talk without an episode number "S10 · Joskowicz": tells the talks of a session apart. */
      label: talk.episode !== undefined ? talk.code : `${talk.code} · ${joinAnd(talk.speakers.map(surname))}`,
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
        /** The speaker's page, with every talk they gave. */
        url: speakerPath(speaker.name),
        get bioHtml() {
          return speaker.bio ? markdownOnce(speaker.bio) : undefined;
        },
        photo: photoView(speaker, urls),
      })),
      /** In the spelling most talks use, each with its page. */
      topics: talk.topics.map(topicLink),
      get jointBioHtml() {
        return talk.jointBio ? markdownOnce(talk.jointBio) : undefined;
      },
      get abstractHtml() {
        return markdownOnce(talk.abstract);
      },
      recording: talk.recording,
      /** The youtube-nocookie.com player a click loads in place of the link; undefined for other hosts. */
      recordingEmbed: talk.recording && youtubeEmbedUrl(talk.recording),
      links: talk.links,
      /** The talk's website link as worded on the pages: never the raw URL. */
      website: talk.links.website ? websiteView(talk.links.website, talk) : undefined,
      url: urls.path(ROUTES.talk(talk)),
      archiveUrl: urls.path(ROUTES.archiveEntry(talk)),
      sessionCode: session.code,
      sessionUrl: urls.path(ROUTES.session(session)),
      extra: talk.extra,
    };
  }

  function sessionView(session: Session) {
    const when = whenOf(session);
    let jsonLd: { value: ReturnType<typeof eventJsonLd> } | undefined;
    let calendar: { value: ReturnType<typeof calendarView> } | undefined;
    return {
      code: session.code,
      slug: session.slug,
      season: session.season,
      topic: session.topic,
      when,
      /** The year in the session's own zone ("2024"), for the archive's filter. */
      year: when?.iso.slice(0, 4),
      timezone: session.timezone,
      durationMinutes: session.durationMinutes,
      registration: session.registration,
      join: session.join,
      status: session.status,
      previousWhen: previousWhenOf(session),
      upcoming: isUpcoming(session, model.now),
      live: isLive(session, model.now),
      /** Not cancelled, not postponed. */
      takesPlace: takesPlace(session),
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
    const event = events.get(session);
    if (!event) return undefined;
    const offered = isUpcoming(session, model.now) && event.status === 'CONFIRMED';
    return { event, file: urls.path(ROUTES.sessionCalendar(session)), links: offered ? addToCalendarLinks(event) : undefined };
  }

  /** Upcoming sessions get an image of their own (they are the ones shared); past ones use the series image. */
  function shareImage(session: Session) {
    return urls.absolute(isUpcoming(session, model.now) ? ROUTES.sessionImage(session) : ROUTES.seriesImage);
  }

  /** The session's schema.org Event as `<script>` text; none while it is undated. */
  function eventJsonLd(session: Session) {
    const pages = { page: urls.absolute(ROUTES.session(session)), series: urls.absolute(ROUTES.webinar), image: shareImage(session) };
    const event = sessionEvent(session, model.config, pages);
    return event && html(jsonLdScriptText(event));
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

  /** A speaker's page: as their latest talk credits them, with the latest bio and photo they gave. */
  function speakerView(profile: SpeakerProfile) {
    const latest = profile.talks[0]!.as;
    const withBio = profile.talks.find((t) => t.as.bio)?.as;
    const withPhoto = profile.talks.find((t) => t.as.photo)?.as;
    return {
      name: profile.name,
      slug: profile.slug,
      url: urls.path(ROUTES.speaker(profile)),
      displayName: displayName(latest),
      affiliation: latest.affiliation,
      place: placeOf(latest),
      website: profile.talks.find((t) => t.as.website)?.as.website,
      get bioHtml() {
        return withBio?.bio ? markdownOnce(withBio.bio) : undefined;
      },
      photo: withPhoto && photoView(withPhoto, urls),
      talks: profile.talks.map(({ talk, session }) => ({ talk: talkFor(talk, session), session: sessionFor(session) })),
    };
  }

  function topicView(topic: Topic) {
    return {
      label: topic.label,
      slug: topic.slug,
      url: urls.path(ROUTES.topic(topic)),
      talks: topic.talks.map(({ talk, session }) => ({ talk: talkFor(talk, session), session: sessionFor(session) })),
    };
  }

  return { session: sessionFor, speaker: speakerView, topic: topicView };
}

/** `make`, called once for each key. */
function madeOnce<K, V>(make: (key: K) => V): (key: K) => V {
  const made = new Map<K, V>();
  return (key) => {
    if (!made.has(key)) made.set(key, make(key));
    return made.get(key)!;
  };
}

/**
 * A talk's website as a link text that says whose it is ("Website of Dr. Annika Reinke") or where it
 * leads ("Website at dkfz.de"), not the URL: a URL breaks mid-word on a phone and is read out in full.
 */
function websiteView(url: string, talk: Talk) {
  const speaker = talk.speakers.find((s) => s.website === url);
  if (speaker) return { url, text: `Website of ${displayName(speaker)}`, sameAsSpeaker: true };
  // Validated content has absolute http(s) URLs only.
  return { url, text: `Website at ${new URL(url).hostname.replace(/^www\./, '')}`, sameAsSpeaker: false };
}

/** The view of one session, as templates see it. */
export type SessionView = ReturnType<ReturnType<typeof createViews>['session']>;
/** The view of one talk, as templates see it. */
export type TalkView = SessionView['talks'][number];
