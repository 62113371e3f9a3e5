import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { CalendarEvent } from '../../src/publish/calendar-events.js';
import { buildCalendar, escapeText, foldLine } from '../../src/publish/ics.js';
import { parseSessionStart, addMinutes } from '../../src/time.js';

const octets = (text: string) => Buffer.byteLength(text, 'utf8');
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

function start(local: string, zone = 'Europe/Copenhagen') {
  const parsed = parseSessionStart(local, zone);
  if (!parsed.ok) throw new Error(`bad fixture ${local}`);
  return parsed.start;
}

const event = (overrides: Partial<CalendarEvent> = {}): CalendarEvent => ({
  uid: 's05@medical-datasets.github.io',
  start: start('2024-03-25 16:00'),
  end: addMinutes(start('2024-03-25 16:00'), 90),
  title: 'Datasets through the L👀king-Glass S05: Dataset design, metrics; and more',
  description: 'S05E01: Hubert Dariusz Zając, a talk\nRegister: https://example.org/?a=1;b=2',
  location: 'Online (Zoom)',
  url: 'https://medical-datasets.github.io/webinar/s05/',
  status: 'CONFIRMED',
  sequence: 0,
  stamp: start('2024-03-01 09:30'),
  ...overrides,
});

describe('escapeText', () => {
  it('escapes backslash, semicolon, comma and newlines, and leaves colons alone', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf: g')).toBe('a\\\\b\\;c\\,d\\ne\\nf: g');
  });
});

describe('foldLine', () => {
  const text = `DESCRIPTION:${escapeText('Datasets through the L👀king-Glass, with Hubert Dariusz Zając; commas, semicolons; and 👀👀👀👀👀👀👀👀👀👀👀👀👀👀👀👀👀👀👀👀👀 at the end, Zając')}`;
  const folded = foldLine(text);

  it('keeps every line within 75 octets of UTF-8, continuation space included', () => {
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
    for (const line of lines.slice(1)) expect(line.startsWith(' ')).toBe(true);
  });

  it('never splits a character: unfolding gives the line back', () => {
    for (const line of folded.split('\r\n')) expect(line).not.toMatch(/[\uD800-\uDBFF]$|^ ?[\uDC00-\uDFFF]/);
    expect(unfold(folded)).toBe(text);
  });

  it('leaves a line of exactly 75 octets alone and folds one of 76', () => {
    expect(foldLine('X'.repeat(75))).toBe('X'.repeat(75));
    expect(foldLine('X'.repeat(76))).toBe(`${'X'.repeat(75)}\r\n X`);
    expect(foldLine(`${'X'.repeat(73)}👀`)).toBe(`${'X'.repeat(73)}\r\n 👀`);
  });

  it('round-trips through ical.js with 👀, "Zając", commas and semicolons intact', () => {
    const description = 'L👀king-Glass; Zając, Avlona; a\\b\nnext line, 👀'.repeat(3);
    const parsed = new ICAL.Component(ICAL.parse(buildCalendar({ productId: '-//test//EN', events: [event({ description })] })));
    expect(parsed.getFirstSubcomponent('vevent')!.getFirstPropertyValue('description')).toBe(description);
  });
});

describe('buildCalendar', () => {
  const text = buildCalendar({ productId: '-//medical-datasets.github.io//Datasets through the Looking-Glass//EN', name: 'Datasets through the L👀king-Glass', events: [event()] });

  it('ends every line with CRLF and has no bare LF', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes VERSION, PRODID, CALSCALE and the calendar name', () => {
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//medical-datasets.github.io//Datasets through the Looking-Glass//EN');
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Datasets through the L👀king-Glass');
  });

  it('writes UTC instants, UID, DTSTAMP, LAST-MODIFIED, SEQUENCE, STATUS and URL', () => {
    expect(unfold(text)).toContain('\r\nDTSTART:20240325T150000Z\r\nDTEND:20240325T163000Z\r\n');
    const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!;
    const parsed = new ICAL.Event(vevent);
    expect(parsed.startDate.toJSDate().toISOString()).toBe('2024-03-25T15:00:00.000Z');
    expect(parsed.endDate.toJSDate().toISOString()).toBe('2024-03-25T16:30:00.000Z');
    expect(parsed.startDate.zone?.tzid).toBe('UTC');
    expect(parsed.uid).toBe('s05@medical-datasets.github.io');
    expect(parsed.summary).toBe('Datasets through the L👀king-Glass S05: Dataset design, metrics; and more');
    expect(vevent.getFirstPropertyValue('dtstamp')?.toString()).toBe('2024-03-01T08:30:00Z');
    expect(vevent.getFirstPropertyValue('last-modified')?.toString()).toBe('2024-03-01T08:30:00Z');
    expect(vevent.getFirstPropertyValue('sequence')).toBe(0);
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(vevent.getFirstPropertyValue('url')).toBe('https://medical-datasets.github.io/webinar/s05/');
    expect(text).not.toContain('TZID');
  });

  it('marks a cancelled event with STATUS:CANCELLED and a higher SEQUENCE', () => {
    const cancelled = buildCalendar({ productId: '-//test//EN', events: [event({ status: 'CANCELLED', sequence: 1 })] });
    expect(cancelled).toContain('\r\nSTATUS:CANCELLED\r\n');
    expect(cancelled).toContain('\r\nSEQUENCE:1\r\n');
  });
});
