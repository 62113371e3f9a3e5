import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuiltSite } from '../helpers/site.js';
import { isoOffset, readOracleSessions, type OracleSession } from './content-oracle.js';
import { buildProjectSite, fileFor, listOutput, SITE_ROOT } from './published-site.js';

type Json = Record<string, any>;

describe('/webinar/talks.json', () => {
  let site: BuiltSite;
  let schedule: Json;
  let oracle: OracleSession[];
  let files: string[];

  beforeAll(async () => {
    site = await buildProjectSite('2024-03-20T12:00:00+01:00');
    schedule = JSON.parse(await site.read('webinar/talks.json'));
    oracle = await readOracleSessions();
    files = await listOutput(site.out);
  });
  afterAll(() => site.cleanup());

  it('describes the series with absolute URLs under the base path', () => {
    expect(schedule.version).toBe(1);
    expect(schedule.series).toMatchObject({
      title: 'Datasets through the L👀king-Glass',
      plainTitle: 'Datasets through the Looking-Glass',
      url: `${SITE_ROOT}webinar/`,
      archive: `${SITE_ROOT}webinar_talks/`,
      feed: `${SITE_ROOT}webinar/feed.xml`,
      calendar: `${SITE_ROOT}webinar/calendar.ics`,
    });
  });

  it('has every session with its instants in UTC and in its own zone, or null while undated', () => {
    expect(schedule.sessions.map((s: Json) => s.code)).toEqual(oracle.map((s) => s.code));
    for (const [i, session] of oracle.entries()) {
      const json = schedule.sessions[i];
      expect(json.topic, session.code).toBe(session.topic ?? null);
      if (!session.start) {
        expect(json.start).toBeNull();
        expect(json.calendar).toBeNull();
        expect(json.upcoming).toBe(true);
        continue;
      }
      expect(json.start.local).toBe(isoOffset(session.start));
      expect(json.start.utc).toBe(session.start.toUTC().toISO({ suppressMilliseconds: true }));
      expect(json.end.local).toBe(isoOffset(session.end!));
      expect(Date.parse(json.start.utc)).toBe(Date.parse(json.start.local));
      expect(json.url).toBe(`${SITE_ROOT}webinar/${session.code.toLowerCase()}/`);
      expect(files).toContain(fileFor(new URL(json.calendar)));
    }
    const s08 = schedule.sessions.find((s: Json) => s.code === 'S08');
    expect(s08.start).toEqual({ utc: '2025-10-20T07:30:00Z', local: '2025-10-20T09:30:00+02:00', zone: 'CEST' });
    expect(s08.timezone).toBe('Europe/Copenhagen');
  });

  it('has every talk with speakers, abstract and URLs that exist', () => {
    const talks = schedule.sessions.flatMap((s: Json) => s.talks);
    expect(talks).toHaveLength(30);
    for (const session of oracle) {
      for (const talk of session.talks) {
        const json = talks.find((t: Json) => t.slug === talk.slug);
        expect(json?.title, talk.file).toBe(talk.title);
        expect(json.speakers.map((s: Json) => s.name)).toEqual(talk.speakers.map((s) => s.name));
        expect(json.speakers.map((s: Json) => s.affiliation)).toEqual(talk.speakers.map((s) => s.affiliation ?? null));
        expect(json.recording).toBe(talk.recording ?? null);
        expect(json.abstract.length).toBeGreaterThan(0);
        expect(files).toContain(fileFor(new URL(json.url)));
      }
    }
  });

  it('points to an archive entry only for talks the archive lists', () => {
    const talk = (slug: string) => schedule.sessions.flatMap((s: Json) => s.talks).find((t: Json) => t.slug === slug);
    expect(talk('s04e02').archiveUrl).toBe(`${SITE_ROOT}webinar_talks/#s04e02`);
    expect(talk('s05e02').archiveUrl).toBeNull();
  });
});
