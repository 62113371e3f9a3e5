import type { SiteConfig } from '../config.js';
import { sessionLabel } from '../model/names.js';
import type { Session, Speaker } from '../model/types.js';
import { isoWithOffset } from '../time.js';
import type { SessionStatus } from '../validate/schema.js';

/** Absolute URLs the event data points to. */
export interface EventUrls {
  /** The session page. */
  page: string;
  /** The webinar page, home of the series. */
  series: string;
  /** The session's share image. */
  image: string;
}

/** A JSON-LD object; only plain JSON values. */
export type JsonLd = { [key: string]: JsonValue };
type JsonValue = string | number | boolean | JsonLd | JsonValue[];

// https://schema.org/EventStatusType
const EVENT_STATUS: Record<SessionStatus, string> = {
  scheduled: 'https://schema.org/EventScheduled',
  cancelled: 'https://schema.org/EventCancelled',
  postponed: 'https://schema.org/EventPostponed',
  rescheduled: 'https://schema.org/EventRescheduled',
};

/**
 * The schema.org Event of a session (https://developers.google.com/search/docs/appearance/structured-data/event).
 * An undated session has none: Google requires `startDate`, and an event without a date says nothing a
 * search engine can use.
 */
export function sessionEvent(session: Session, config: SiteConfig, urls: EventUrls): JsonLd | undefined {
  if (!session.start || !session.end) return undefined;
  const event: JsonLd = {
    '@context': 'https://schema.org',
    '@type': 'Event',
    '@id': `${urls.page}#event`,
    name: `${config.plainTitle} ${sessionLabel(session)}`,
    description: eventDescription(session),
    url: urls.page,
    startDate: isoWithOffset(session.start),
    endDate: isoWithOffset(session.end),
    eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
    eventStatus: EVENT_STATUS[session.status],
    // Google: the URL where people can join; the session page says how when there is no registration.
    location: { '@type': 'VirtualLocation', url: session.registration ?? session.join ?? urls.page },
    isAccessibleForFree: true,
    ...offers(session, urls.page),
    inLanguage: 'en',
    image: [urls.image],
    organizer: organizers(config, urls.series),
    performer: performers(session),
    superEvent: { '@type': 'EventSeries', name: config.plainTitle, url: urls.series },
  };
  if (session.previousStart) event.previousStartDate = isoWithOffset(session.previousStart);
  return event;
}

/** JSON-LD as the text of a `<script type="application/ld+json">`: `</` and `<!--` cannot end or bend the script element. */
export function jsonLdScriptText(data: JsonLd): string {
  return JSON.stringify(data).replace(/<\//g, '<\\/').replace(/<!--/g, '\\u003c!--');
}

function eventDescription(session: Session): string {
  const talks = session.talks.map((talk) => `“${talk.title}” (${talk.speakers.map((s) => s.name).join(', ')})`);
  const count = talks.length === 1 ? 'One talk' : `${talks.length} talks`;
  return `${session.topic ? `${session.topic}. ` : ''}${count} online: ${talks.join('; ')}.`;
}

/**
 * Google's Event data recommends `offers` for every event: free (price 0), where to register, and
 * whether places are left (an online talk has no limit). None once the session is cancelled or
 * postponed: there is nothing to register for.
 */
function offers(session: Session, pageUrl: string): { offers?: JsonLd } {
  if (session.status === 'cancelled' || session.status === 'postponed') return {};
  return { offers: { '@type': 'Offer', price: 0, priceCurrency: 'EUR', url: session.registration ?? session.join ?? pageUrl, availability: 'https://schema.org/InStock' } };
}

/** Google recommends each organizer's `url`: their website, or else the series page. */
function organizers(config: SiteConfig, seriesUrl: string): JsonValue {
  if (config.organizers.length === 0) return { '@type': 'Organization', name: config.plainTitle, url: seriesUrl };
  return config.organizers.map((person) => withOptional({ '@type': 'Person', name: person.name }, {
    url: person.website ?? seriesUrl,
    affiliation: person.affiliation && { '@type': 'Organization', name: person.affiliation },
  }));
}

/** Every speaker of the session once, in running order. */
function performers(session: Session): JsonValue[] {
  const seen = new Map<string, Speaker>();
  for (const talk of session.talks) for (const speaker of talk.speakers) if (!seen.has(speaker.name)) seen.set(speaker.name, speaker);
  return [...seen.values()].map((speaker) => withOptional({ '@type': 'Person', name: speaker.name }, {
    url: speaker.website,
    affiliation: speaker.affiliation && { '@type': 'Organization', name: speaker.affiliation },
  }));
}

function withOptional(base: JsonLd, optional: Record<string, JsonValue | undefined>): JsonLd {
  for (const [key, value] of Object.entries(optional)) if (value !== undefined && value !== '') base[key] = value;
  return base;
}
