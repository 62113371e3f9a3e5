import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import ICAL from 'ical.js';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOutputFormats } from '../helpers/outputs.js';
import { buildAt, ROOT, textOf, type BuiltSite } from '../helpers/site.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/site-hostile');
const TITLE = `Why <b>your</b> dataset matters: </script><script>alert(1)</script> & ]]> -- "quoted" 'single' 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 مرحبا`;

/**
 * #12: text that looks like markup, ends a CDATA section or a script, or breaks naive escaping, in every
 * field of a valid site (test/fixtures/site-hostile). It is shown as written everywhere, and every output
 * stays valid in its format.
 */
describe('text that looks like markup (test/fixtures/site-hostile)', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildAt('2024-03-20T12:00:00+01:00', { contentDir: FIXTURE });
  });
  afterAll(() => site.cleanup());

  it('builds, and every output parses in its format: HTML (html-validate), XML, ICS, JSON, PNG', async () => {
    expect(site.result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(site.result.ok).toBe(true);
    expect(await checkOutputFormats(site.out)).toEqual([]);
  });

  it('shows the title as text on the pages, never as markup or script', async () => {
    const page = await site.html('webinar/s01e01/index.html');
    expect(textOf(page.querySelector('h1'))).toBe(`S01E01 ${TITLE}`);
    const scripts = page.querySelectorAll('script');
    expect(scripts.every((s) => s.getAttribute('src') !== undefined || s.getAttribute('type') === 'application/ld+json')).toBe(true);
    expect(page.querySelectorAll('main b, main i, main img[src="x"]')).toHaveLength(0);
  });

  it('keeps JSON-LD in its script element: "</script>" in a title cannot close it', async () => {
    const page = await site.html('webinar/s01/index.html');
    const [block] = page.querySelectorAll('script[type="application/ld+json"]');
    const event = JSON.parse(block!.rawText);
    expect(event.description).toContain(TITLE);
  });

  it('gives the feed plain-text titles and summaries and escaped HTML content, which readers show as written', async () => {
    const xml = await site.read('webinar/feed.xml');
    const feed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml).feed;
    const entry = feed.entry;
    expect(feed['@xml:lang']).toBe('en');
    expect(String(entry.title)).toContain('Bias & <fairness>');
    expect(String(entry.summary)).toContain(`“${TITLE}”`);
    expect(entry.content['@type']).toBe('html');
    const content = parse(entry.content['#text']);
    expect(content.querySelectorAll('script, b, img')).toHaveLength(0);
    expect(content.textContent).toContain(TITLE);
    expect(content.textContent).toContain("<script>alert('abstract')</script>");
  });

  it('escapes text in calendar files, so that a line of the abstract cannot end the event', async () => {
    const text = await site.read('webinar/s01/s01.ics');
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent');
    expect(events).toHaveLength(1);
    expect(String(events[0]!.getFirstPropertyValue('summary'))).toBe('Datasets <b>through</b> the Looking-Glass & "friends" ]]> </script> S01: Bias & <fairness>; in "data", \\back\\slash, commas, ]]>');
    expect(String(events[0]!.getFirstPropertyValue('description'))).toContain(TITLE);
    expect(text.match(/^END:VCALENDAR/gm)).toHaveLength(1);
  });

  it('writes the schedule JSON with every text as written', async () => {
    const schedule = JSON.parse(await site.read('webinar/talks.json'));
    expect(schedule.sessions[0].talks[0].title).toBe(TITLE);
    expect(schedule.sessions[0].talks[0].abstract).toContain("<script>alert('abstract')</script>");
  });
});
