import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAt, ROOT, textOf, type BuiltSite } from '../helpers/site.js';

describe('statuses on the pages (test/fixtures/dst, before every session)', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildAt('2024-01-01T00:00:00Z', { contentDir: path.join(ROOT, 'test/fixtures/dst') });
  });
  afterAll(() => site.cleanup());

  it('#7 offers no registration for a cancelled or postponed session, says so, and offers its .ics to update calendars', async () => {
    for (const [slug, status] of [['s05', 'Cancelled.'], ['s06', 'Postponed.']] as const) {
      const page = await site.html(`webinar/${slug}/index.html`);
      expect(page.querySelector('a.button'), slug).toBeNull();
      expect(textOf(page.querySelector('.status strong')), slug).toBe(status);
      expect(page.querySelector('.calendar-update a')?.getAttribute('href'), slug).toBe(`/webinar/${slug}/${slug}.ics`);
    }
  });

  it('#7 offers registration and the calendar for a scheduled or rescheduled one', async () => {
    for (const slug of ['s01', 's03']) {
      const page = await site.html(`webinar/${slug}/index.html`);
      expect(textOf(page.querySelector('.actions a.button')), slug).toBe(`Register on Zoom for ${slug.toUpperCase()}`);
      expect(page.querySelector('.actions details.add-to-calendar'), slug).not.toBeNull();
    }
  });
});

describe('a page built while a session is on (test/fixtures/dst, S01 at 16:00 CEST on 31 March 2024)', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildAt('2024-03-31T14:30:00Z', { contentDir: path.join(ROOT, 'test/fixtures/dst') });
  });
  afterAll(() => site.cleanup());

  it('#14 shows "Live now" with the way in, without JavaScript too', async () => {
    for (const file of ['webinar/index.html', 'webinar/s01/index.html', 'webinar/s01e01/index.html']) {
      const page = await site.html(file);
      const live = page.querySelector('.live-now');
      expect(live?.hasAttribute('hidden'), file).toBe(false);
      expect(textOf(live?.querySelector('.live-badge')), file).toBe('Live now');
      expect(live?.querySelector('a.button-live')?.getAttribute('href'), file).toBe('https://example.org/register/s01?a=1&b=two%20words');
      expect(textOf(live?.querySelector('a.button-live')), file).toBe('Register on Zoom to join S01 now');
      expect(live?.getAttribute('data-live-until'), file).toBe('2024-03-31T17:30:00+02:00');
    }
  });

  it('#14 keeps it hidden on the pages of sessions that are not on, and leaves it out for those called off', async () => {
    expect((await site.html('webinar/s03/index.html')).querySelector('.live-now')?.hasAttribute('hidden')).toBe(true);
    for (const slug of ['s05', 's06']) expect((await site.html(`webinar/${slug}/index.html`)).querySelector('.live-now'), slug).toBeNull();
  });
});
