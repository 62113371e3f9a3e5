import { compactUtc } from '../time.js';
import type { CalendarEvent } from './calendar-events.js';

// RFC 5545 §3.1: content lines end with CRLF and should not exceed 75 octets.
const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** Escape a TEXT value: `\`, `;`, `,` and newlines (RFC 5545 §3.3.11); `:` stays as it is. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Fold a content line into pieces of at most 75 UTF-8 octets, each continuation starting with a
 * space (which counts), never splitting a character: the series title's 👀 is 4 octets.
 */
export function foldLine(line: string): string {
  const pieces: string[] = [];
  let piece = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char);
    if (octets + size > MAX_OCTETS) {
      pieces.push(piece);
      piece = ' ';
      octets = 1;
    }
    piece += char;
    octets += size;
  }
  pieces.push(piece);
  return pieces.join(CRLF);
}

/** A calendar file (VCALENDAR) to build. */
export interface CalendarFile {
  /** PRODID: who made the file. */
  productId: string;
  /** The feed's display name (X-WR-CALNAME and RFC 7986 NAME); omitted for a single event. */
  name?: string;
  events: readonly CalendarEvent[];
}

/** The text of a calendar file: CRLF line ends, folded lines, UTC instants (no VTIMEZONE needed). */
export function buildCalendar(file: CalendarFile): string {
  const lines: string[] = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${escapeText(file.productId)}`, 'CALSCALE:GREGORIAN'];
  if (file.name !== undefined) {
    lines.push(`X-WR-CALNAME:${escapeText(file.name)}`, `NAME:${escapeText(file.name)}`);
    // Hints for subscribing clients; Google and Outlook decide on their own.
    lines.push('REFRESH-INTERVAL;VALUE=DURATION:PT12H', 'X-PUBLISHED-TTL:PT12H');
  }
  for (const event of file.events) lines.push(...eventLines(event));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

function eventLines(event: CalendarEvent): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    // RFC 5545 §3.8.7.2: without METHOD, DTSTAMP is when the entry was last revised.
    `DTSTAMP:${compactUtc(event.stamp)}`,
    `LAST-MODIFIED:${compactUtc(event.stamp)}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTART:${compactUtc(event.start)}`,
    `DTEND:${compactUtc(event.end)}`,
    `SUMMARY:${escapeText(event.title)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    `LOCATION:${escapeText(event.location)}`,
    `URL:${event.url}`,
    `STATUS:${event.status}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
  ];
}

function utf8Length(char: string): number {
  const code = char.codePointAt(0)!;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}
