import { describe, expect, it } from 'vitest';
import type { Session, Talk } from '../../src/model/types.js';
import { sessionCalendarEvent } from '../../src/publish/calendar-events.js';
import { addToCalendarLinks, subscribeLinks } from '../../src/publish/calendar-links.js';
import { addMinutes, parseSessionStart } from '../../src/time.js';

function start(local: string, zone = 'Europe/Copenhagen') {
  const parsed = parseSessionStart(local, zone);
  if (!parsed.ok) throw new Error(`bad fixture ${local}`);
  return parsed.start;
}

const SPEAKERS: Record<number, Talk['speakers']> = {
  1: [{ name: 'Evangelia Christodoulou', honorific: undefined, affiliation: 'DKFZ', location: 'Germany', website: undefined, bio: undefined }],
  2: [{ name: 'Hubert Dariusz Zając', honorific: undefined, affiliation: 'ITU', location: 'Denmark', website: undefined, bio: undefined }],
};

const talk = (episode: number, title: string): Talk => ({
  file: `s09e0${episode}.md`, lineOf: () => undefined, season: 9, episode, slot: episode, code: `S09E0${episode}`, slug: `s09e0${episode}`, title,
  speakers: SPEAKERS[episode]!, jointBio: undefined, recording: undefined, topics: [], links: {}, abstract: '', extra: {},
});

const session = (overrides: Partial<Session> = {}): Session => {
  const begin = overrides.start === undefined && 'start' in overrides ? undefined : start('2026-03-02 15:00');
  return {
    file: 'content/seasons/s09/session.yaml', lineOf: () => undefined, season: 9, code: 'S09', slug: 's09', topic: 'Evaluation metrics',
    start: begin, end: begin && addMinutes(begin, 90), durationMinutes: 90, timezone: 'Europe/Copenhagen',
    registration: 'https://itucph.zoom.us/meeting/register/abc?x=1&y=2', join: undefined,
    status: 'scheduled', previousStart: undefined, calendarRevision: undefined, changedAt: undefined,
    talks: [talk(1, 'From Metrics to Meaning: Evaluation, calibration; and more'), talk(2, 'Zając & 👀 + 100%')],
    ...overrides,
  };
};

const input = ['Datasets through the Looking-Glass', 'medical-datasets.github.io', 'https://medical-datasets.github.io/webinar/s09/'] as const;

describe('sessionCalendarEvent', () => {
  it('describes a scheduled session: UID on the site host, talks and speakers, registration and page', () => {
    const event = sessionCalendarEvent(session(), ...input)!;
    expect(event.uid).toBe('s09@medical-datasets.github.io');
    expect(event.title).toBe('Datasets through the Looking-Glass S09: Evaluation metrics');
    expect(event.start.toUTC().toISO()).toBe('2026-03-02T14:00:00.000Z');
    expect(event.end.toUTC().toISO()).toBe('2026-03-02T15:30:00.000Z');
    expect(event.description).toContain('S09E01: From Metrics to Meaning: Evaluation, calibration; and more, by Evangelia Christodoulou (DKFZ, Germany)');
    expect(event.description).toContain('Register on Zoom: https://itucph.zoom.us/meeting/register/abc?x=1&y=2');
    expect(event.description).toContain('Session page: https://medical-datasets.github.io/webinar/s09/');
    expect(event.location).toBe('Online (Zoom)');
    expect([event.status, event.sequence]).toEqual(['CONFIRMED', 0]);
    // Without a history: the start.
    expect(event.stamp.toMillis()).toBe(event.start.toMillis());
  });

  it('gives a session without a date no event', () => {
    expect(sessionCalendarEvent(session({ start: undefined, end: undefined }), ...input)).toBeUndefined();
  });

  it('keeps a cancelled session, marked, with a higher sequence', () => {
    const event = sessionCalendarEvent(session({ status: 'cancelled' }), ...input)!;
    expect([event.status, event.sequence]).toEqual(['CANCELLED', 1]);
    expect(event.title).toBe('Cancelled: Datasets through the Looking-Glass S09: Evaluation metrics');
    expect(event.description).toMatch(/^Cancelled: this session will not take place\./);
  });

  it('moves a rescheduled session to its new time, saying where it came from', () => {
    const event = sessionCalendarEvent(session({ status: 'rescheduled', previousStart: start('2026-02-23 15:00') }), ...input)!;
    expect([event.status, event.sequence]).toEqual(['CONFIRMED', 1]);
    expect(event.start.toUTC().toISO()).toBe('2026-03-02T14:00:00.000Z');
    expect(event.description).toMatch(/^Rescheduled from Monday 23 February 2026, 15:00–16:30 CET\./);
  });

  it('cancels the old slot of a postponed session that has no new date yet', () => {
    const event = sessionCalendarEvent(session({ status: 'postponed', start: undefined, end: undefined, previousStart: start('2026-03-02 15:00') }), ...input)!;
    expect([event.status, event.sequence]).toEqual(['CANCELLED', 1]);
    expect(event.start.toUTC().toISO()).toBe('2026-03-02T14:00:00.000Z');
    expect(event.title).toMatch(/^Postponed: /);
  });
});

describe('addToCalendarLinks', () => {
  const event = sessionCalendarEvent(session(), ...input)!;
  const links = addToCalendarLinks(event);
  const params = (href: string) => new URL(href).searchParams;

  it('gives Google the UTC instants with Z, the title, details and location', () => {
    const url = new URL(links.google);
    expect(url.origin + url.pathname).toBe('https://calendar.google.com/calendar/render');
    expect(url.searchParams.get('action')).toBe('TEMPLATE');
    expect(url.searchParams.get('dates')).toBe('20260302T140000Z/20260302T153000Z');
    expect(url.searchParams.get('text')).toBe(event.title);
    expect(url.searchParams.get('details')).toBe(event.description);
    expect(url.searchParams.get('location')).toBe('Online (Zoom)');
    expect(url.searchParams.has('ctz')).toBe(false);
  });

  it('gives Outlook.com and Microsoft 365 ISO instants ending in Z, and the body as HTML', () => {
    for (const [href, host] of [[links.outlook, 'outlook.live.com'], [links.microsoft365, 'outlook.office.com']] as const) {
      const url = new URL(href);
      expect(url.host).toBe(host);
      expect(url.searchParams.get('rru')).toBe('addevent');
      expect(url.searchParams.get('path')).toBe('/calendar/action/compose');
      expect(url.searchParams.get('startdt')).toBe('2026-03-02T14:00:00Z');
      expect(url.searchParams.get('enddt')).toBe('2026-03-02T15:30:00Z');
      expect(url.searchParams.get('subject')).toBe(event.title);
      // Outlook reads the body as HTML: the text escaped, its line breaks as <br>.
      expect(url.searchParams.get('body')).toBe(event.description.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/\n/g, '<br>'));
      expect(url.searchParams.get('body')).toContain('<br>Register on Zoom: https://itucph.zoom.us/meeting/register/abc?x=1&amp;y=2');
    }
  });

  it('gives Yahoo v=60 with st and et in UTC', () => {
    const p = params(links.yahoo);
    expect([p.get('v'), p.get('st'), p.get('et'), p.get('title'), p.get('in_loc')]).toEqual(['60', '20260302T140000Z', '20260302T153000Z', event.title, 'Online (Zoom)']);
    expect(p.get('desc')).toBe(event.description);
  });

  it('percent-encodes every value once: no raw &, +, # or spaces reach the query', () => {
    for (const href of Object.values(links)) {
      const query = href.slice(href.indexOf('?') + 1);
      expect(query).not.toMatch(/[ +#]/);
      for (const pair of query.split('&')) expect(pair.split('=')).toHaveLength(2);
    }
    expect(params(links.google).get('details')).toContain('Zając & 👀 + 100%');
  });
});

describe('subscribeLinks', () => {
  const links = subscribeLinks('https://medical-datasets.github.io/webinar/calendar.ics', 'Datasets through the Looking-Glass');

  it('offers the feed as https and webcal', () => {
    expect(links.https).toBe('https://medical-datasets.github.io/webinar/calendar.ics');
    expect(links.webcal).toBe('webcal://medical-datasets.github.io/webinar/calendar.ics');
  });

  it('adds it by URL to Google (cid) and Outlook (addfromweb, with a name)', () => {
    const google = new URL(links.google);
    expect(google.origin + google.pathname).toBe('https://calendar.google.com/calendar/render');
    expect(google.searchParams.get('cid')).toBe('webcal://medical-datasets.github.io/webinar/calendar.ics');
    const outlook = new URL(links.outlook);
    expect(outlook.origin + outlook.pathname).toBe('https://outlook.live.com/calendar/0/addfromweb');
    expect(outlook.searchParams.get('url')).toBe('https://medical-datasets.github.io/webinar/calendar.ics');
    expect(outlook.searchParams.get('name')).toBe('Datasets through the Looking-Glass');
  });
});
