import { escapeHtml } from '../escape.js';
import { compactUtc, isoUtc } from '../time.js';
import type { CalendarEvent } from './calendar-events.js';

/** "Add to calendar" links of one event, one per service. */
export interface AddToCalendarLinks {
  google: string;
  outlook: string;
  microsoft365: string;
  yahoo: string;
}

/** Links that subscribe a calendar to the series feed. */
export interface SubscribeLinks {
  /** The feed itself, https. */
  https: string;
  /** The same feed as webcal://, which calendar apps open as a subscription. */
  webcal: string;
  google: string;
  outlook: string;
}

/**
 * The add-to-calendar links of an event. Every instant is UTC with `Z`: without it Outlook reads
 * the time in the user's own zone (calendar-link#236), and Google and Yahoo would take it as floating.
 * Google and Yahoo take the description as plain text with %0A line breaks; Outlook's compose form
 * reads its body as HTML and drops them (add-event-to-calendar-docs#14), so there the text is escaped
 * and each line break is a <br>, as add-to-calendar-button sends it.
 */
export function addToCalendarLinks(event: CalendarEvent): AddToCalendarLinks {
  const outlook = (host: string) =>
    withQuery(`https://${host}/calendar/0/deeplink/compose`, {
      path: '/calendar/action/compose',
      rru: 'addevent',
      startdt: isoUtc(event.start),
      enddt: isoUtc(event.end),
      subject: event.title,
      body: escapeHtml(event.description).replace(/\n/g, '<br>'),
      location: event.location,
    });
  return {
    google: withQuery('https://calendar.google.com/calendar/render', {
      action: 'TEMPLATE',
      text: event.title,
      dates: `${compactUtc(event.start)}/${compactUtc(event.end)}`,
      details: event.description,
      location: event.location,
    }),
    outlook: outlook('outlook.live.com'),
    microsoft365: outlook('outlook.office.com'),
    yahoo: withQuery('https://calendar.yahoo.com/', {
      v: '60',
      title: event.title,
      st: compactUtc(event.start),
      et: compactUtc(event.end),
      desc: event.description,
      in_loc: event.location,
    }),
  };
}

/** Subscription links for a feed at an absolute http(s) URL, shown under `name`. */
export function subscribeLinks(feedUrl: string, name: string): SubscribeLinks {
  const webcal = feedUrl.replace(/^https?:/, 'webcal:');
  return {
    https: feedUrl,
    webcal,
    // Google keeps a webcal:// subscription refreshed (UWFlow PR #335).
    google: withQuery('https://calendar.google.com/calendar/render', { cid: webcal }),
    outlook: withQuery('https://outlook.live.com/calendar/0/addfromweb', { url: feedUrl, name }),
  };
}

/** `base?k=v&…` with every key and value percent-encoded (spaces as %20, never "+"). */
function withQuery(base: string, params: Record<string, string>): string {
  const query = Object.entries(params)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
  return `${base}?${query}`;
}
