import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ICAL from 'ical.js';
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { FROZEN_CONTENT, ROOT, TEMPLATES, tempDir, textOf } from './helpers/site.js';

/**
 * A year of the series as its organizers live it: real edits to a copy of the frozen content, in
 * order, each followed by `check` and `build` through the CLI, as the Pages workflow runs them. What a
 * visitor and a calendar see is asserted after each step. The README lists the same steps under
 * "What a year looks like".
 */
describe('a year of the series, edit by edit', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  const content = (file: string) => path.join(dir, 'content', file);
  const out = (file: string) => path.join(dir, 'public', file);

  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir('lg-year-'));
    await cp(FROZEN_CONTENT, path.join(dir, 'content'), { recursive: true });
  });
  afterAll(() => cleanup());

  /** Edit a content file in place. */
  async function edit(file: string, change: (text: string) => string): Promise<void> {
    await writeFile(content(file), change(await readFile(content(file), 'utf8')));
  }

  /** `check` and `build` as of `now`, from the repository's working directory as organizers run them (side by side: check writes nothing). */
  async function publish(now: string) {
    const flags = ['--content', 'content', '--templates', TEMPLATES, '--out', 'public', '--now', now];
    const [check, build] = await Promise.all([runCli(['check', ...flags], dir), runCli(['build', ...flags], dir)]);
    return { check, build };
  }

  /** Publish and expect both commands to succeed; the warnings they print are returned. */
  async function publishCleanly(now: string): Promise<string> {
    const { check, build } = await publish(now);
    expect(check.code, check.stderr).toBe(0);
    expect(build.code, build.stderr).toBe(0);
    expect(build.stdout).toMatch(/^Built \d+ talks, \d+ pages in \d+ ms( \(\d+ unchanged since the last build\))? → public\/\n$/);
    return check.stderr;
  }

  const html = async (file: string): Promise<HTMLElement> => parse(await readFile(out(file), 'utf8'));
  const nextCard = async () => { const page = await html('webinar/index.html'); return page.querySelector('section.next .next-now') ?? page.querySelector('section.next')!; };

  /** The events of a calendar file, as a calendar app reads them. */
  async function calendarEvents(file: string) {
    const calendar = new ICAL.Component(ICAL.parse(await readFile(out(file), 'utf8')));
    return calendar.getAllSubcomponents('vevent').map((vevent) => {
      const event = new ICAL.Event(vevent);
      return {
        uid: event.uid,
        start: event.startDate.toJSDate().toISOString(),
        end: event.endDate.toJSDate().toISOString(),
        status: String(vevent.getFirstPropertyValue('status')),
        sequence: Number(vevent.getFirstPropertyValue('sequence')),
        summary: event.summary,
      };
    });
  }

  const S10_REGISTRATION = 'https://itucph.zoom.us/meeting/register/s10-observer-variability';

  it('1. announces S10 with its topic, date, zone and registration: it becomes the next webinar, with calendar links', async () => {
    await writeFile(
      content('seasons/s10/session.yaml'),
      ['season: 10', 'topic: Observer variability', 'start: "2027-01-18 16:00"', 'timezone: Europe/Copenhagen', `registration: ${S10_REGISTRATION}`, ''].join('\n'),
    );
    await publishCleanly('2026-12-01T12:00:00+01:00');

    const next = await nextCard();
    expect(textOf(next.querySelector('h2'))).toBe('Next webinar: Observer variability');
    expect(next.querySelector('.fact-date time')?.getAttribute('datetime')).toBe('2027-01-18T16:00:00+01:00');
    expect(textOf(next.querySelector('.fact-date time'))).toBe('Monday 18 January 2027, 16:00–17:30 CET');
    expect(next.querySelector('a.button')?.getAttribute('href')).toBe(S10_REGISTRATION);
    const google = new URL(next.querySelector('a[href^="https://calendar.google.com"]')!.getAttribute('href')!);
    expect(google.searchParams.get('dates')).toBe('20270118T150000Z/20270118T163000Z');

    const [event] = await calendarEvents('webinar/s10/s10.ics');
    expect(event).toMatchObject({ start: '2027-01-18T15:00:00.000Z', end: '2027-01-18T16:30:00.000Z', status: 'CONFIRMED' });
    expect((await calendarEvents('webinar/calendar.ics')).map((e) => e.uid)).toContain(event!.uid);
  });

  const S11_TALKS = [
    { speaker: 'Ada Lovelace', title: 'Engines of data: who labels the labels?', file: 's11e01-lovelace.md' },
    { speaker: 'Hubert Dariusz Zając', title: 'Clinicians in the loop', file: 's11e02-zajac.md' },
    { speaker: 'Grace Hopper', title: 'Debugging datasets', file: 's11e03-hopper.md' },
  ];

  it('2. adds S11 with three talks through `new`, which check names until they are filled in', async () => {
    for (const talk of S11_TALKS) {
      const made = await runCli(['new', '--content', 'content', '--season', '11', '--speaker', talk.speaker, '--title', talk.title], dir);
      expect(made.code, made.stderr).toBe(0);
      expect(made.stdout).toContain(`Wrote content/seasons/s11/${talk.file}`);
    }
    const unfinished = await publish('2026-12-01T12:00:00+01:00');
    expect(unfinished.check.code).toBe(1);
    for (const talk of S11_TALKS) expect(unfinished.check.stderr).toContain(`content/seasons/s11/${talk.file}`);
    expect(unfinished.check.stderr).toContain('[empty-abstract]');
    // A build with mistakes writes nothing: the site of step 1 stays.
    expect(unfinished.build.code).toBe(1);
    expect(textOf((await nextCard()).querySelector('h2'))).toBe('Next webinar: Observer variability');

    for (const [i, talk] of S11_TALKS.entries()) {
      await edit(`seasons/s11/${talk.file}`, (text) =>
        text
          .replace(/^ {4}affiliation:.*$/m, '    affiliation: IT University of Copenhagen')
          .replace(/^ {4}location:.*$/m, '    location: Denmark')
          .replace(/---\n$/, `---\nAbstract of talk ${i + 1}: how the data we collect shapes what models learn.\n`),
      );
    }
    await edit('seasons/s11/session.yaml', (text) =>
      text
        .replace(/^topic:.*$/m, 'topic: Data in the clinic')
        .replace(/^start:.*$/m, 'start: "2027-03-15 15:00"')
        .replace(/^timezone:.*$/m, 'timezone: Europe/Copenhagen')
        .replace(/^registration:.*$/m, 'registration: https://itucph.zoom.us/meeting/register/s11-data-in-the-clinic'),
    );
    await publishCleanly('2026-12-01T12:00:00+01:00');

    const later = (await html('webinar/index.html')).querySelector('section.later')!;
    expect(textOf(later)).toContain('S11: Data in the clinic');
    const s11 = await html('webinar/s11/index.html');
    expect(s11.querySelectorAll('article.talk h3').map(textOf)).toEqual(S11_TALKS.map((t, i) => `S11E0${i + 1} ${t.title}`));
    expect(textOf(s11.querySelector('.fact-date time'))).toBe('Monday 15 March 2027, 15:00–16:30 CET');
  });

  it('3. the day after S10, lists S10 under previous talks and shows S11 next, without an edit', async () => {
    const warnings = await publishCleanly('2027-01-19T12:00:00+01:00');
    expect(warnings).toMatch(/content\/seasons\/s10\/s10-quinn\.md:\d+: warning: .*\[past-talk-without-recording\]/);

    const next = await nextCard();
    expect(textOf(next.querySelector('h2'))).toBe('Next webinar: Data in the clinic');
    expect(next.querySelector('.fact-date time')?.getAttribute('datetime')).toBe('2027-03-15T15:00:00+01:00');
    const previous = (await html('webinar/index.html')).querySelectorAll('ul.previous > li').map((li) => li.id);
    expect(previous.slice(0, 3)).toEqual(['s10-joskowicz', 's10-quinn', 's10-abhishek']);
    expect((await html('webinar_talks/index.html')).querySelector('#s10-quinn')).not.toBeNull();
  });

  it('4. adds the recordings of S10: one click away on the webinar page and the archive', async () => {
    const recordings = { 's10-joskowicz.md': 'Jo5kowicz01', 's10-quinn.md': 'Qu1nnBreast', 's10-abhishek.md': 'Abh1shekIMA' };
    for (const [file, id] of Object.entries(recordings)) {
      await edit(`seasons/s10/${file}`, (text) => text.replace(/^title:/m, `recording: https://www.youtube.com/watch?v=${id}\ntitle:`));
    }
    const warnings = await publishCleanly('2027-01-20T12:00:00+01:00');
    expect(warnings).not.toMatch(/s10\/.*\[past-talk-without-recording\]/);

    const card = (await html('webinar/index.html')).querySelector('ul.previous #s10-quinn')!;
    expect(card.querySelector('a.watch')?.getAttribute('href')).toBe('https://www.youtube.com/watch?v=Qu1nnBreast');
    const archived = (await html('webinar_talks/index.html')).querySelector('#s10-abhishek')!;
    expect(archived.querySelector('a.watch')?.getAttribute('href')).toBe('https://www.youtube.com/watch?v=Abh1shekIMA');
  });

  it('5. adds a speaker photo: resized beside the speaker on the talk page', async () => {
    await mkdir(content('static/photos'), { recursive: true });
    await cp(path.join(ROOT, 'test/fixtures/site-photo/static/photos/ada-lovelace.jpg'), content('static/photos/lovelace.jpg'));
    await edit('seasons/s11/s11e01-lovelace.md', (text) => text.replace(/^ {4}photo:.*$/m, '    photo: photos/lovelace.jpg'));
    await publishCleanly('2027-01-20T12:00:00+01:00');

    const img = (await html('webinar/s11e01/index.html')).querySelector('.speaker-bio img')!;
    expect(img.getAttribute('alt')).toBe('Ada Lovelace');
    const png = await readFile(out(img.getAttribute('src')!.replace(/^\//, '')));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('6. moves S11 to another day, then again across the switch to summer time: pages and calendars follow', async () => {
    await edit('seasons/s11/session.yaml', (text) =>
      text.replace(/^start:.*$/m, 'start: "2027-03-22 15:00"').replace(/^status:.*$/m, 'status: rescheduled').replace(/^previous_start:.*$/m, 'previous_start: "2027-03-15 15:00"'),
    );
    await publishCleanly('2027-01-20T12:00:00+01:00');
    let next = await nextCard();
    expect(next.querySelector('.fact-date time')?.getAttribute('datetime')).toBe('2027-03-22T15:00:00+01:00');
    expect(textOf(next.querySelector('.status'))).toBe('Rescheduled from Monday 15 March 2027, 15:00–16:30 CET.');
    let [event] = await calendarEvents('webinar/s11/s11.ics');
    expect(event).toMatchObject({ start: '2027-03-22T14:00:00.000Z', status: 'CONFIRMED' });
    const firstMove = event!.sequence;
    expect(firstMove).toBeGreaterThan(0);

    // Summer time starts in Copenhagen on 28 March 2027: the same 15:00 is an hour earlier in UTC.
    await edit('seasons/s11/session.yaml', (text) =>
      text.replace(/^start:.*$/m, 'start: "2027-04-05 15:00"').replace(/^previous_start:.*$/m, 'previous_start: "2027-03-22 15:00"'),
    );
    await publishCleanly('2027-01-20T12:00:00+01:00');
    next = await nextCard();
    expect(next.querySelector('.fact-date time')?.getAttribute('datetime')).toBe('2027-04-05T15:00:00+02:00');
    expect(textOf(next.querySelector('.fact-date time'))).toBe('Monday 5 April 2027, 15:00–16:30 CEST');
    [event] = await calendarEvents('webinar/s11/s11.ics');
    expect(event).toMatchObject({ start: '2027-04-05T13:00:00.000Z', end: '2027-04-05T14:30:00.000Z', status: 'CONFIRMED' });
    expect(event!.sequence).toBeGreaterThanOrEqual(firstMove);
    const google = new URL(next.querySelector('a[href^="https://calendar.google.com"]')!.getAttribute('href')!);
    expect(google.searchParams.get('dates')).toBe('20270405T130000Z/20270405T143000Z');
  });

  it('7. cancels S11, then announces S12 instead', async () => {
    await edit('seasons/s11/session.yaml', (text) => text.replace(/^status:.*$/m, 'status: cancelled').replace(/^previous_start:.*\n/m, ''));
    await publishCleanly('2027-01-20T12:00:00+01:00');
    const s11 = await html('webinar/s11/index.html');
    expect(textOf(s11.querySelector('.status'))).toBe('Cancelled. This session will not take place.');
    expect(s11.querySelector('a.button')).toBeNull();
    const [cancelled] = await calendarEvents('webinar/s11/s11.ics');
    expect(cancelled).toMatchObject({ status: 'CANCELLED', start: '2027-04-05T13:00:00.000Z' });
    expect(cancelled!.summary).toMatch(/^Cancelled: /);
    // A cancelled session is never "Next webinar": it is announced in its place, for those who registered.
    const webinar = await html('webinar/index.html');
    expect(textOf(webinar.querySelector('#next-webinar'))).toBe('Next webinar');
    expect(textOf(webinar.querySelector('.next .called-off'))).toMatch(/^S11: .* on Monday 5 April 2027, 15:00–16:30 CEST is cancelled\. It will not take place\. Session page of S11$/);

    await mkdir(content('seasons/s12'), { recursive: true });
    await writeFile(
      content('seasons/s12/session.yaml'),
      ['season: 12', 'topic: Data in the clinic, again', 'start: "2027-05-10 15:00"', 'timezone: Europe/Copenhagen', 'registration: https://itucph.zoom.us/meeting/register/s12', ''].join('\n'),
    );
    await writeFile(
      content('seasons/s12/s12e01-hopper.md'),
      ['---', 'season: 12', 'episode: 1', 'title: "Debugging datasets, at last"', 'speakers:', '  - name: Grace Hopper', '    affiliation: Yale University', '    location: USA', '---', 'The talk that S11 could not hold.', ''].join('\n'),
    );
    await publishCleanly('2027-01-20T12:00:00+01:00');
    const withS12 = await html('webinar/index.html');
    expect(textOf(withS12.querySelector('#next-webinar'))).toBe('Next webinar: Data in the clinic, again');
    expect(textOf(withS12.querySelector('.next .called-off'))).toMatch(/^S11: .* is cancelled\./);
    expect(textOf(withS12.querySelector('.next-more'))).toBe('Session page of S12');
    const s12 = await html('webinar/s12/index.html');
    expect(s12.querySelector('a.button')?.getAttribute('href')).toBe('https://itucph.zoom.us/meeting/register/s12');
    expect(textOf(s12.querySelector('.fact-date time'))).toBe('Monday 10 May 2027, 15:00–16:30 CEST');
    const feed = await calendarEvents('webinar/calendar.ics');
    expect(feed.find((e) => e.start === '2027-05-10T13:00:00.000Z')?.status).toBe('CONFIRMED');
    expect(feed.find((e) => e.start === '2027-04-05T13:00:00.000Z')?.status).toBe('CANCELLED');
  });

  it('8. adds an organizer and changes the newsletter text: every page shows them', async () => {
    await edit('site.yaml', (text) =>
      text
        .replace(/^organizers:\n/m, 'organizers:\n  - name: Ada Lovelace\n    website: https://example.org/ada\n    affiliation: Analytical Engines Ltd (UK)\n')
        .replace(/^ {2}text: \|\n(?: {4}.*\n|\n)*/m, '  text: |\n    Hear about new sessions first: sign up to our mailing list.\n'),
    );
    await publishCleanly('2027-01-20T12:00:00+01:00');
    const page = await html('webinar/index.html');
    const organizers = page.querySelectorAll('.organizers li').map(textOf);
    expect(organizers[0]).toBe('Ada LovelaceAnalytical Engines Ltd (UK)');
    expect(organizers.filter((o) => o.startsWith('Veronika Cheplygina'))).toHaveLength(1);
    const newsletter = page.querySelector('section.newsletter')!;
    expect(textOf(newsletter)).toContain('Hear about new sessions first: sign up to our mailing list.');
    expect(textOf(newsletter)).not.toContain('GDPR-compliant');
  });
});
