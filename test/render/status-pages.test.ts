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
