import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import vm from 'node:vm';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { parse as parseHtml } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { buildAt, FROZEN_CONTENT, ROOT, TEMPLATES, type BuiltSite } from './helpers/site.js';

// The oracle: session instants read straight from the content files with luxon, independently of
// the build; every calendar output must name exactly these instants.
interface Expected { slug: string; code: string; topic?: string; zone: string; start: number; end: number; status: string }

async function expectedSessions(contentDir: string): Promise<Map<string, Expected>> {
  const site = parseYaml(await readFile(path.join(contentDir, 'site.yaml'), 'utf8')) as { default_duration?: number };
  const sessions = new Map<string, Expected>();
  for (const dir of await readdir(path.join(contentDir, 'seasons'))) {
    const data = parseYaml(await readFile(path.join(contentDir, 'seasons', dir, 'session.yaml'), 'utf8')) as Record<string, string | number | undefined>;
    const status = String(data.status ?? 'scheduled');
    const local = data.start ?? (status === 'postponed' ? data.previous_start : undefined);
    if (local === undefined) continue;
    const zone = String(data.timezone);
    const start = DateTime.fromFormat(String(local), 'yyyy-MM-dd HH:mm', { zone });
    expect(start.isValid, `${dir}: ${local}`).toBe(true);
    const minutes = Number(data.duration ?? site.default_duration ?? 90);
    const slug = `s${String(data.season).padStart(2, '0')}`;
    const topic = data.topic === undefined ? undefined : String(data.topic);
    sessions.set(slug, { slug, code: slug.toUpperCase(), topic, zone, start: start.toMillis(), end: start.plus({ minutes }).toMillis(), status });
  }
  return sessions;
}

const SERIES = 'Datasets through the Looking-Glass';
const titleOf = (s: Expected) => `${s.status === 'cancelled' ? 'Cancelled: ' : s.status === 'postponed' ? 'Postponed: ' : ''}${SERIES} ${s.code}${s.topic ? `: ${s.topic}` : ''}`;
const active = (s: Expected) => s.status === 'scheduled' || s.status === 'rescheduled';
const utc = (ms: number) => new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
const compact = (ms: number) => utc(ms).replace(/[-:]/g, '');

async function outputFiles(out: string, ext: string): Promise<string[]> {
  return (await readdir(out, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => path.relative(out, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

function parseIcs(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      start: event.startDate.toJSDate().getTime(),
      end: event.endDate.toJSDate().getTime(),
      startIsUtc: event.startDate.zone?.tzid === 'UTC' && event.endDate.zone?.tzid === 'UTC',
      summary: event.summary,
      description: event.description,
      url: vevent.getFirstPropertyValue('url'),
      status: vevent.getFirstPropertyValue('status'),
      sequence: vevent.getFirstPropertyValue('sequence'),
      dtstamp: String(vevent.getFirstPropertyValue('dtstamp')),
    };
  });
  return { calendar, events };
}

/** Checks every .ics a build wrote against the oracle; returns the slugs of the session files. */
async function checkCalendarFiles(site: BuiltSite, expected: Map<string, Expected>, host: string): Promise<string[]> {
  const files = await outputFiles(site.out, '.ics');
  const sessionFiles: string[] = [];
  for (const file of files) {
    const text = await site.read(file);
    expect(text.replace(/\r\n/g, ''), `${file}: bare CR or LF`).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line), `${file}: ${line}`).toBeLessThanOrEqual(75);
    const { calendar, events } = parseIcs(text);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy();
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    for (const event of events) {
      const slug = event.uid.replace(`@${host}`, '');
      const session = expected.get(slug);
      expect(session, `${file}: unexpected ${event.uid}`).toBeDefined();
      expect([utc(event.start), utc(event.end)], `${file} ${slug}`).toEqual([utc(session!.start), utc(session!.end)]);
      expect(event.startIsUtc).toBe(true);
      expect(event.summary).toBe(titleOf(session!));
      expect(event.url).toBe(`https://${host}/webinar/${slug}/`);
      expect(event.status).toBe(active(session!) ? 'CONFIRMED' : 'CANCELLED');
      expect(event.sequence).toBe(session!.status === 'scheduled' ? 0 : 1);
      expect(event.dtstamp).toMatch(/Z$/);
    }
    if (file === 'webinar/calendar.ics') {
      expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(SERIES);
      expect(events.map((e) => e.uid).sort()).toEqual([...expected.keys()].map((slug) => `${slug}@${host}`).sort());
    } else {
      const slug = /^webinar\/(s\d\d)\/\1\.ics$/.exec(file)?.[1];
      expect(slug, file).toBeDefined();
      expect(events.map((e) => e.uid)).toEqual([`${slug}@${host}`]);
      sessionFiles.push(slug!);
    }
  }
  expect(sessionFiles.sort()).toEqual([...expected.keys()].sort());
  return sessionFiles;
}

/** Checks every add-to-calendar link and every canonical `<time>` on every page; returns the sessions offered. */
async function checkPages(site: BuiltSite, expected: Map<string, Expected>, now: string): Promise<Set<string>> {
  const offered = new Set<string>();
  for (const file of await outputFiles(site.out, '.html')) {
    const page = parseHtml(await site.read(file));
    for (const time of page.querySelectorAll('time[data-end]')) {
      const start = DateTime.fromISO(time.getAttribute('datetime')!, { setZone: true });
      const session = [...expected.values()].find((s) => s.start === start.toMillis());
      expect(session, `${file}: no session starts at ${time.getAttribute('datetime')}`).toBeDefined();
      expect(time.getAttribute('datetime')).toBe(DateTime.fromMillis(session!.start, { zone: session!.zone }).toISO({ suppressMilliseconds: true }));
      expect(Date.parse(time.getAttribute('data-end')!)).toBe(session!.end);
    }
    for (const details of page.querySelectorAll('details.add-to-calendar')) {
      expect(details.querySelector('summary')?.textContent).toBe('Add to calendar');
      const hrefs = details.querySelectorAll('a').map((a) => a.getAttribute('href')!);
      expect(hrefs).toHaveLength(5);
      const google = new URL(hrefs.find((h) => h.startsWith('https://calendar.google.com/'))!);
      const slug = /\b(S\d\d)\b/.exec(google.searchParams.get('text')!)![1]!.toLowerCase();
      const session = expected.get(slug)!;
      expect(active(session), `${file}: ${slug} offered`).toBe(true);
      expect(session.end > Date.parse(now), `${file}: ${slug} is over`).toBe(true);
      offered.add(slug);
      for (const href of hrefs) {
        if (href.endsWith('.ics')) {
          expect(href).toBe(`/webinar/${slug}/${slug}.ics`);
          continue;
        }
        const url = new URL(href);
        const p = url.searchParams;
        if (url.host === 'calendar.google.com') {
          expect([p.get('text'), p.get('dates')]).toEqual([titleOf(session), `${compact(session.start)}/${compact(session.end)}`]);
        } else if (url.host === 'calendar.yahoo.com') {
          expect([p.get('title'), p.get('st'), p.get('et')]).toEqual([titleOf(session), compact(session.start), compact(session.end)]);
        } else {
          expect(['outlook.live.com', 'outlook.office.com']).toContain(url.host);
          expect([p.get('subject'), p.get('startdt'), p.get('enddt')]).toEqual([titleOf(session), utc(session.start), utc(session.end)]);
        }
      }
    }
  }
  return offered;
}

/** Runs templates/assets/local-time.js on a minimal fake DOM; returns the text it adds after each `<time>`. */
async function runLocalTime(times: { datetime: string; end: string; countdown: boolean }[], now: number, zone?: string): Promise<string[]> {
  const script = await readFile(path.join(TEMPLATES, 'assets/local-time.js'), 'utf8');
  const added: { textContent: string; className: string }[] = [];
  const elements = times.map((t) => ({
    getAttribute: (name: string) => (name === 'datetime' ? t.datetime : name === 'data-end' ? t.end : null),
    hasAttribute: (name: string) => name === 'data-countdown' && t.countdown,
    after: (node: { textContent: string; className: string }) => added.push(node),
    closest: () => null,
  }));
  const document = {
    querySelectorAll: (selector: string) => (selector === 'time[data-end]' ? elements : []),
    querySelector: () => null,
    createElement: () => ({ textContent: '', className: '' }),
  };
  const RealFormat = Intl.DateTimeFormat;
  // The visitor's zone: the process's own (TZ of the vitest project) unless a test names one.
  function DateTimeFormat(locale?: string, options?: Intl.DateTimeFormatOptions) {
    return new RealFormat(locale, zone ? { timeZone: zone, ...options } : options);
  }
  vm.runInNewContext(script, {
    document,
    navigator: { language: 'en-GB' },
    Intl: { DateTimeFormat },
    Date: { parse: Date.parse, now: () => now },
    setInterval: () => 0,
  });
  return added.map((span) => span.textContent);
}

/**
 * What the script must say for a session in a zone to an en-GB visitor, from the oracle's instants: the
 * day (luxon) only when it is not the page's, the hours as the locale writes a range, the zone's city
 * and its abbreviation where the locale has one.
 */
function expectedLocalText(session: Expected, zone: string): string {
  const start = DateTime.fromMillis(session.start, { zone });
  const canonical = DateTime.fromMillis(session.start, { zone: session.zone });
  if (start.toFormat('yyyy-MM-dd HH:mm') === canonical.toFormat('yyyy-MM-dd HH:mm')) return '';
  const day = start.toISODate() === canonical.toISODate() ? '' : `${start.setLocale('en-GB').toFormat('cccc d MMMM')}, `;
  const range = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: 'numeric', minute: '2-digit' }).formatRange(session.start, session.end);
  const abbreviation = new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'short' }).formatToParts(session.start).find((p) => p.type === 'timeZoneName')!.value;
  // The script names the zone as the browser resolves it ("Asia/Calcutta" for Asia/Kolkata in some ICU versions).
  const resolved = new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone.split('/').pop()!.replace(/_/g, ' ');
  const city = ({ Katmandu: 'Kathmandu', Calcutta: 'Kolkata' } as Record<string, string>)[resolved] ?? resolved;
  return `Your time: ${day}${range} in ${/^[A-Z]{2,5}$/.test(abbreviation) && abbreviation !== city ? `${city} (${abbreviation})` : city}`;
}

const REAL_NOWS = ['2024-03-20T12:00:00+01:00', '2025-10-15T09:00:00+02:00', '2026-02-20T12:00:00+01:00', '2026-11-27T10:00:00+01:00'];

describe.each(REAL_NOWS)('the calendars of the real site built at %s', (now) => {
  let site: BuiltSite;
  let expected: Map<string, Expected>;
  beforeAll(async () => {
    [site, expected] = await Promise.all([buildAt(now), expectedSessions(FROZEN_CONTENT)]);
    expect(site.result.ok).toBe(true);
  });
  afterAll(() => site.cleanup());

  it('writes a session .ics and a feed entry for every dated session, at the instants of the content', async () => {
    const slugs = await checkCalendarFiles(site, expected, 'medical-datasets.github.io');
    expect(slugs).toContain('s09');
  });

  it('offers add-to-calendar links, at the same instants, for every dated upcoming session and no other', async () => {
    const offered = await checkPages(site, expected, now);
    const upcoming = [...expected.values()].filter((s) => active(s) && s.end > Date.parse(now)).map((s) => s.slug);
    expect([...offered].sort()).toEqual(upcoming.sort());
  });

  it('offers the series feed as https, webcal, Google and Outlook subscriptions', async () => {
    const links = (await site.html('webinar/index.html')).querySelectorAll('section.subscribe a').map((a) => a.getAttribute('href')!);
    const feed = 'https://medical-datasets.github.io/webinar/calendar.ics';
    expect(links).toContain(feed);
    expect(links).toContain('webcal://medical-datasets.github.io/webinar/calendar.ics');
    const google = new URL(links.find((l) => l.startsWith('https://calendar.google.com/'))!);
    expect(google.searchParams.get('cid')).toBe('webcal://medical-datasets.github.io/webinar/calendar.ics');
    const outlook = new URL(links.find((l) => l.startsWith('https://outlook.live.com/'))!);
    expect([outlook.pathname, outlook.searchParams.get('url'), outlook.searchParams.get('name')]).toEqual(['/calendar/0/addfromweb', feed, SERIES]);
  });

  it('loads the local-time script (and click-to-load) as deferred same-origin files, not inline', async () => {
    const page = await site.html('webinar/index.html');
    const scripts = page.querySelectorAll('script:not([type="application/ld+json"])');
    expect(scripts.map((s) => [s.getAttribute('src'), s.hasAttribute('defer'), s.textContent.trim()])).toEqual([
      ['/assets/local-time.js', true, ''],
      ['/assets/click-to-load.js', true, ''],
    ]);
  });
});

describe('the local-time script on the real pages', () => {
  let site: BuiltSite;
  let expected: Map<string, Expected>;
  beforeAll(async () => {
    [site, expected] = await Promise.all([buildAt('2025-10-15T09:00:00+02:00'), expectedSessions(FROZEN_CONTENT)]);
  });
  afterAll(() => site.cleanup());

  const timesOn = async (file: string) =>
    (await site.html(file)).querySelectorAll('time[data-end]').map((t) => ({
      datetime: t.getAttribute('datetime')!, end: t.getAttribute('data-end')!, countdown: t.hasAttribute('data-countdown'),
    }));
  const sessionAt = (datetime: string) => [...expected.values()].find((s) => s.start === Date.parse(datetime))!;
  const processZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  it.each([processZone, 'America/New_York', 'Asia/Kolkata', 'Pacific/Auckland', 'Europe/Copenhagen'])(
    'names the instant of every session page in %s',
    async (zone) => {
      for (const slug of expected.keys()) {
        const times = await timesOn(`webinar/${slug}/index.html`);
        expect(times.length, slug).toBeGreaterThan(0);
        const texts = await runLocalTime(times, Date.parse('2025-10-15T07:00:00Z'), zone === processZone ? undefined : zone);
        texts.forEach((text, i) => {
          const local = expectedLocalText(sessionAt(times[i]!.datetime), zone);
          expect(text.replace(/(\. )?(In \d+ days?|Starts in .*|Live now)$/, ''), `${slug} in ${zone}`).toBe(local);
        });
      }
    },
  );

  it('says nothing about the zone to a visitor in Copenhagen, and shows New York 03:30–05:00 for S08', async () => {
    const times = await timesOn('webinar/s08/index.html');
    expect(await runLocalTime(times, Date.parse('2025-10-21T00:00:00Z'), 'Europe/Copenhagen')).toEqual(['']);
    expect(await runLocalTime(times, Date.parse('2025-10-21T00:00:00Z'), 'America/New_York')).toEqual(['Your time: 03:30–05:00 in New York']);
    // Across midnight: the day is said only where it is not the page's.
    expect(await runLocalTime(times, Date.parse('2025-10-21T00:00:00Z'), 'Pacific/Auckland')).toEqual(['Your time: 20:30–22:00 in Auckland']);
    expect(await runLocalTime(times, Date.parse('2025-10-21T00:00:00Z'), 'America/Los_Angeles')).toEqual(['Your time: 00:30–02:00 in Los Angeles']);
    // S05 starts at 16:00 CET on Monday 25 March 2024: past midnight in Tokyo.
    expect(await runLocalTime(await timesOn('webinar/s05/index.html'), Date.parse('2025-10-21T00:00:00Z'), 'Asia/Tokyo')).toEqual(['Your time: Tuesday 26 March, 00:00–01:30 in Tokyo']);
  });

  it('counts down to an upcoming session: days, hours, minutes, live, then nothing; no separator without two sides', async () => {
    const [times] = [await timesOn('webinar/s08/index.html')];
    expect(times[0]!.countdown).toBe(true);
    const start = Date.parse('2025-10-20T07:30:00Z');
    const countdown = async (ms: number) => (await runLocalTime(times, ms, 'Europe/Copenhagen'))[0];
    expect(await countdown(start - 3 * 86_400_000)).toBe('In 3 days');
    expect(await countdown(start - 2 * 3_600_000)).toBe('Starts in 2 hours');
    expect(await countdown(start - 60_000)).toBe('Starts in 1 minute');
    expect(await countdown(start + 60_000)).toBe('Live now');
    expect(await countdown(start + 90 * 60_000)).toBe('');
    expect((await runLocalTime(times, start - 3 * 86_400_000, 'America/New_York'))[0]).toBe('Your time: 03:30–05:00 in New York. In 3 days');
  });

  it('stays under 6 KB', async () => {
    expect((await readFile(path.join(TEMPLATES, 'assets/local-time.js'))).length).toBeLessThan(6144);
  });
});

describe('daylight-saving edges and statuses (test/fixtures/dst)', () => {
  const contentDir = path.join(ROOT, 'test/fixtures/dst');
  let before: BuiltSite;
  let after: BuiltSite;
  let expected: Map<string, Expected>;
  beforeAll(async () => {
    [before, after, expected] = await Promise.all([
      buildAt('2024-01-01T00:00:00Z', { contentDir }),
      buildAt('2026-01-01T00:00:00Z', { contentDir }),
      expectedSessions(contentDir),
    ]);
    expect(before.result.ok && after.result.ok).toBe(true);
  });
  afterAll(() => Promise.all([before.cleanup(), after.cleanup()]));

  it.each([
    ['s01', '2024-03-31T16:00:00+02:00', '20240331T140000Z', '20240331T153000Z'],
    ['s02', '2025-10-20T09:30:00+02:00', '20251020T073000Z', '20251020T090000Z'],
    ['s03', '2025-10-27T09:30:00+01:00', '20251027T083000Z', '20251027T100000Z'],
    ['s04', '2025-03-09T12:00:00-04:00', '20250309T160000Z', '20250309T170000Z'],
    ['s08', '2025-10-26T01:30:00+02:00', '20251025T233000Z', '20251026T013000Z'],
  ])('puts %s on the page at %s and in calendars at %s–%s', async (slug, iso, dtstart, dtend) => {
    const page = await before.html(`webinar/${slug}/index.html`);
    expect(page.querySelector('time[data-end]')?.getAttribute('datetime')).toBe(iso);
    const ics = (await before.read(`webinar/${slug}/${slug}.ics`)).replace(/\r\n /g, '');
    expect(ics).toContain(`\r\nDTSTART:${dtstart}\r\nDTEND:${dtend}\r\n`);
    expect((await before.read('webinar/calendar.ics')).replace(/\r\n /g, '')).toContain(`UID:${slug}@example.org\r\nDTSTAMP:${dtstart}\r\nLAST-MODIFIED:${dtstart}\r\nSEQUENCE:${slug === 's03' ? 1 : 0}\r\nDTSTART:${dtstart}\r\nDTEND:${dtend}\r\n`);
    const google = new URL(page.querySelector('details.add-to-calendar a')!.getAttribute('href')!);
    expect(google.searchParams.get('dates')).toBe(`${dtstart}/${dtend}`);
  });

  it('checks out against the content before and after every session', async () => {
    for (const [site, now] of [[before, '2024-01-01T00:00:00Z'], [after, '2026-01-01T00:00:00Z']] as const) {
      await checkCalendarFiles(site, expected, 'example.org');
      const offered = await checkPages(site, expected, now);
      expect([...offered].sort()).toEqual(now.startsWith('2024') ? ['s01', 's02', 's03', 's04', 's08'] : []);
    }
  });

  it('escapes the commas, semicolons and backslash of a topic and keeps the 👀 and "Zając" whole', async () => {
    const { events } = parseIcs(await before.read('webinar/calendar.ics'));
    const s01 = events.find((e) => e.uid === 's01@example.org')!;
    expect(s01.summary).toBe('Datasets through the Looking-Glass S01: Edge 1: commas, semicolons; and a backslash \\ too');
    expect(s01.description).toContain('S01E01: Talk 1: datasets, metrics; and the L👀king-Glass, by Hubert Dariusz Zając (University of Copenhagen, Denmark)');
    expect(s01.description).toContain('Register on Zoom: https://example.org/register/s01?a=1&b=two%20words');
  });

  it('keeps cancelled and postponed sessions listed and marked, with their old slot cancelled in calendars', async () => {
    const page = await before.html('webinar/index.html');
    const later = page.querySelectorAll('#later-webinars + ul li').map((li) => li.textContent.replace(/\s+/g, ' '));
    expect(later.find((t) => t.startsWith('S05'))).toMatch(/Cancelled$/);
    expect(later.find((t) => t.startsWith('S06'))).toMatch(/Postponed$/);
    expect(later.find((t) => t.startsWith('S07'))).toMatch(/Date to be announced$/);
    expect((await before.html('webinar/s05/index.html')).querySelector('.status-cancelled')).not.toBeNull();
    expect((await before.html('webinar/s03/index.html')).querySelector('.status-rescheduled time')?.getAttribute('datetime')).toBe('2025-10-24T09:30:00+02:00');
    for (const slug of ['s05', 's06']) {
      const { events } = parseIcs(await before.read(`webinar/${slug}/${slug}.ics`));
      expect([events[0]!.status, events[0]!.sequence]).toEqual(['CANCELLED', 1]);
    }
    expect(await outputFiles(before.out, 's07.ics')).toEqual([]);
  });

  it('writes byte-identical calendar files whatever the build time', async () => {
    for (const file of await outputFiles(before.out, '.ics')) expect(await after.read(file), file).toBe(await before.read(file));
  });
});
