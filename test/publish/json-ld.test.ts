import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSite } from '../../src/build.js';
import type { Session, SiteModel } from '../../src/model/types.js';
import { jsonLdScriptText, sessionEvent } from '../../src/publish/json-ld.js';
import { parseSessionStart } from '../../src/time.js';
import { at, FROZEN_CONTENT, ROOT, TEMPLATES, type BuiltSite } from '../helpers/site.js';
import { isoOffset, readOracleSessions, type OracleSession } from './content-oracle.js';
import { buildProjectSite, SITE_ROOT } from './published-site.js';

const NOW = '2024-03-20T12:00:00+01:00';

type EventData = Record<string, any>;

describe('the schema.org Event of every session page', () => {
  let site: BuiltSite;
  let oracle: OracleSession[];
  const events = new Map<number, EventData[]>();

  beforeAll(async () => {
    site = await buildProjectSite(NOW);
    oracle = await readOracleSessions();
    for (const session of oracle) {
      const page = parse(await site.read(`webinar/${session.code.toLowerCase()}/index.html`));
      events.set(session.season, page.querySelectorAll('script[type="application/ld+json"]').map((s) => JSON.parse(s.rawText)));
    }
  });
  afterAll(() => site.cleanup());

  it('is there, once, on every dated session page and absent on an undated one', () => {
    for (const session of oracle) expect(events.get(session.season), session.code).toHaveLength(session.start ? 1 : 0);
    expect(oracle.some((s) => !s.start)).toBe(true);
  });

  it('names the series, the session and its topic, with start and end in the session zone with their offset', () => {
    for (const session of oracle.filter((s) => s.start)) {
      const event = events.get(session.season)![0]!;
      expect(event['@context']).toBe('https://schema.org');
      expect(event['@type']).toBe('Event');
      expect(event.name).toBe(`Datasets through the Looking-Glass ${session.code}${session.topic ? `: ${session.topic}` : ''}`);
      expect(event.startDate).toBe(isoOffset(session.start!));
      expect(event.endDate).toBe(isoOffset(session.end!));
      expect(event.url).toBe(`${SITE_ROOT}webinar/${session.code.toLowerCase()}/`);
    }
    expect(events.get(5)![0]!.startDate).toBe('2024-03-25T16:00:00+01:00');
    expect(events.get(8)![0]!.startDate).toBe('2025-10-20T09:30:00+02:00');
  });

  it('says online, free, scheduled, joined at the registration (else join, else the page) URL', () => {
    for (const session of oracle.filter((s) => s.start)) {
      const event = events.get(session.season)![0]!;
      expect(event.eventAttendanceMode).toBe('https://schema.org/OnlineEventAttendanceMode');
      expect(event.eventStatus).toBe('https://schema.org/EventScheduled');
      expect(event.isAccessibleForFree).toBe(true);
      expect(event.location).toEqual({ '@type': 'VirtualLocation', url: session.registration ?? session.join ?? event.url });
      // Google's recommended offer of a free event: price 0, where to register, places left.
      expect(event.offers).toEqual({ '@type': 'Offer', price: 0, priceCurrency: 'EUR', url: session.registration ?? session.join ?? event.url, availability: 'https://schema.org/InStock' });
      expect(event.previousStartDate).toBeUndefined();
    }
  });

  it('lists every speaker of the session once as a performer with their affiliation, and the organizers', () => {
    for (const session of oracle.filter((s) => s.start)) {
      const event = events.get(session.season)![0]!;
      const speakers = [...new Map(session.talks.flatMap((t) => t.speakers).map((s) => [s.name, s])).values()];
      expect(event.performer.map((p: EventData) => p.name).sort()).toEqual(speakers.map((s) => s.name).sort());
      for (const speaker of speakers) {
        const performer = event.performer.find((p: EventData) => p.name === speaker.name);
        expect(performer['@type']).toBe('Person');
        expect(performer.affiliation?.name).toBe(speaker.affiliation);
      }
      expect(event.organizer.map((o: EventData) => o.name)).toContain('Veronika Cheplygina');
      // Every organizer has a url: their website, or else the series page.
      for (const organizer of event.organizer) expect(organizer.url).toMatch(/^https:\/\//);
    }
  });

  it('belongs to the series as an EventSeries and shows the session share image', () => {
    const event = events.get(5)![0]!;
    expect(event.superEvent).toEqual({ '@type': 'EventSeries', name: 'Datasets through the Looking-Glass', url: `${SITE_ROOT}webinar/` });
    expect(event.image).toEqual([`${SITE_ROOT}webinar/s05/og-image.png`]);
  });
});

describe('sessionEvent for changed sessions', () => {
  let model: SiteModel;
  let s05: Session;
  const urls = { page: 'https://x.org/webinar/s05/', series: 'https://x.org/webinar/', image: 'https://x.org/i.png' };
  beforeAll(async () => {
    model = (await checkSite({ contentDir: FROZEN_CONTENT, templatesDir: TEMPLATES, now: at(NOW), displayRoot: ROOT })).model!;
    s05 = model.sessions.find((s) => s.season === 5)!;
  });

  it('marks a rescheduled session with its previous start', () => {
    const previous = parseSessionStart('2024-03-18 16:00', 'Europe/Copenhagen');
    if (!previous.ok) throw new Error('bad fixture');
    const event = sessionEvent({ ...s05, status: 'rescheduled', previousStart: previous.start }, model.config, urls)!;
    expect(event.eventStatus).toBe('https://schema.org/EventRescheduled');
    expect(event.previousStartDate).toBe('2024-03-18T16:00:00+01:00');
    expect(event.startDate).toBe('2024-03-25T16:00:00+01:00');
  });

  it('offers no registration for a cancelled or postponed session', () => {
    expect(sessionEvent({ ...s05, status: 'cancelled' }, model.config, urls)!.offers).toBeUndefined();
    expect(sessionEvent({ ...s05, status: 'postponed' }, model.config, urls)!.offers).toBeUndefined();
  });

  it('keeps the start of a cancelled or postponed session and says so', () => {
    expect(sessionEvent({ ...s05, status: 'cancelled' }, model.config, urls)!.eventStatus).toBe('https://schema.org/EventCancelled');
    expect(sessionEvent({ ...s05, status: 'postponed' }, model.config, urls)!.eventStatus).toBe('https://schema.org/EventPostponed');
    expect(sessionEvent({ ...s05, status: 'cancelled' }, model.config, urls)!.startDate).toBe('2024-03-25T16:00:00+01:00');
  });

  it('falls back to the session page as the location when there is neither registration nor join link', () => {
    expect(sessionEvent({ ...s05, registration: undefined, join: undefined }, model.config, urls)!.location).toEqual({ '@type': 'VirtualLocation', url: urls.page });
  });

  it('cannot be closed or bent by a "</script>" or "<!--" in the content', () => {
    const topic = 'Ends </script><script>alert(1)</script> and <!-- opens';
    const text = jsonLdScriptText(sessionEvent({ ...s05, topic }, model.config, urls)!);
    expect(text).not.toMatch(/<\/|<!--/);
    const page = parse(`<script type="application/ld+json">${text}</script>`);
    expect(page.querySelectorAll('script')).toHaveLength(1);
    expect(JSON.parse(page.querySelector('script')!.textContent).name).toContain(topic);
  });
});
