import { DateTime, FixedOffsetZone, IANAZone, type Zone } from 'luxon';
import { rememberOffsets } from './speed/zone-offsets.js';

/**
 * Every date-time is made in British English, the pages' language: formatting never depends on the
 * machine's locale (nor does luxon ask Intl for it, which took 17 ms of a build).
 */
const LOCALE = 'en-GB';

/** The one date-time type of the project (luxon; never JS Date). */
export type Instant = DateTime<true>;

/** Whether the zone database knows this IANA zone name. */
export function isKnownZone(zone: string): boolean {
  let known = knownZones.get(zone);
  if (known === undefined) knownZones.set(zone, (known = IANAZone.isValidZone(zone)));
  return known;
}

// Pure memos: asking Intl for a zone's validity or name builds a new formatter each time, which
// dominates a build of thousands of sessions. The answers never change within a process.
const knownZones = new Map<string, boolean>();
const zoneNames = new Map<string, string>();
const memoZones = new Map<string, Zone>();

/** The zone object for an IANA name (unknown names: luxon's own, which makes invalid date-times). */
function zoneFor(name: string): Zone | string {
  if (!isKnownZone(name)) return name;
  let zone = memoZones.get(name);
  if (zone === undefined) memoZones.set(name, (zone = rememberOffsets(IANAZone.create(name))));
  return zone;
}

/** What parsing a session's start gave. */
export type ParsedStart =
  | { ok: true; start: Instant }
  | { ok: false; reason: 'unparsable' | 'no-time' | 'offset-mismatch'; detail?: string }
  /** A wall time the clocks skip (spring forward): where they jump from and to, "02:00 CET" and "03:00 CEST". */
  | { ok: false; reason: 'nonexistent'; jump: { from: string; to: string }; movedTo: Instant }
  /** A wall time the clocks show twice (fall back): both instants, earlier first. */
  | { ok: false; reason: 'ambiguous'; readings: [Instant, Instant] };

/** A wall-clock time: "yyyy-MM-dd HH:mm", with "T" for the space and ":ss" allowed. */
const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A session start is a wall-clock time in an IANA zone. An explicit offset is allowed
 * but must agree with the zone on that date, which catches a "CET" typed in summer.
 */
export function parseSessionStart(value: string, zoneName: string): ParsedStart {
  const zone = zoneFor(zoneName);
  const text = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return { ok: false, reason: 'no-time' };
  // "2024-03-25 16:00", "2024-03-25T16:00", with or without seconds: luxon's fromFormat would build
  // a parser per call and format; the fields go to fromObject, which checks them the same way.
  const local = LOCAL_TIME.exec(text);
  if (local) {
    const [year, month, day, hour, minute, second] = local.slice(1).map((field) => Number(field ?? 0));
    const start = DateTime.fromObject({ year, month, day, hour, minute, second }, { zone, locale: LOCALE });
    if (start.isValid) return checkWallTime(start, Date.UTC(year!, month! - 1, day!, hour!, minute!, second!), zone as Zone);
  }
  const withOffset = DateTime.fromISO(text.replace(' ', 'T'), { setZone: true, locale: LOCALE });
  if (withOffset.isValid && /([+-]\d{2}:?\d{2}|Z)$/.test(text)) {
    const inZone = withOffset.setZone(zone);
    if (!inZone.isValid) return { ok: false, reason: 'unparsable' };
    if (inZone.offset !== withOffset.offset) {
      return {
        ok: false,
        reason: 'offset-mismatch',
        detail: `${zoneName} is at ${inZone.toFormat('ZZ')} (${abbreviation(inZone)}) on ${inZone.toFormat('d MMMM yyyy')}, not ${withOffset.toFormat('ZZ')}`,
      };
    }
    return { ok: true, start: inZone };
  }
  return { ok: false, reason: 'unparsable' };
}

/**
 * A wall time is one instant, unless the zone's clocks skip it or show it twice that day (luxon would
 * quietly move a skipped time forward, and take one of the two readings). `wallAsUtc` is the wall time
 * read as if it were UTC, in milliseconds.
 */
function checkWallTime(start: Instant, wallAsUtc: number, zone: Zone): ParsedStart {
  const HOUR = 3_600_000;
  const before = zone.offset(wallAsUtc - 24 * HOUR);
  const after = zone.offset(wallAsUtc + 24 * HOUR);
  const readings = [...new Set([before, after])]
    .map((offset) => wallAsUtc - offset * 60_000)
    .filter((instant) => zone.offset(instant) * 60_000 === wallAsUtc - instant)
    .sort((a, b) => a - b);
  if (readings.length === 1) return { ok: true, start };
  const at = (ms: number) => DateTime.fromMillis(ms, { zone, locale: LOCALE }) as Instant;
  if (readings.length === 2) return { ok: false, reason: 'ambiguous', readings: [at(readings[0]!), at(readings[1]!)] };
  // The clocks jump at the instant where the offset changes: the last moment before it and the first after.
  let lo = wallAsUtc - before * 60_000 - 24 * HOUR;
  let hi = wallAsUtc - after * 60_000 + 24 * HOUR;
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (zone.offset(mid) === before) lo = mid;
    else hi = mid;
  }
  const jumpFrom = DateTime.fromMillis(hi, { zone: FixedOffsetZone.instance(before), locale: LOCALE }) as Instant;
  return { ok: false, reason: 'nonexistent', movedTo: start, jump: { from: `${formatTime(jumpFrom)} ${abbreviation(at(lo))}`, to: `${formatTime(at(hi))} ${abbreviation(at(hi))}` } };
}

/** Parse `--now`: ISO 8601 with an offset (or Z), nothing else. */
export function parseNow(text: string): Instant | undefined {
  if (!/([+-]\d{2}:?\d{2}|Z)$/.test(text.trim())) return undefined;
  const now = DateTime.fromISO(text.trim(), { setZone: true, locale: LOCALE });
  return now.isValid ? now : undefined;
}

/** The current instant, read once per build by the CLI and passed down. */
export function currentInstant(): Instant {
  return DateTime.now().setLocale(LOCALE).toUTC() as Instant;
}

/** An instant from epoch milliseconds, in UTC. */
export function instantFromMillis(ms: number): Instant {
  return DateTime.fromMillis(ms, { zone: 'utc', locale: LOCALE }) as Instant;
}

/** `start` plus a number of minutes. */
export function addMinutes(start: Instant, minutes: number): Instant {
  // Minutes are a fixed length, so this is plain arithmetic on the instant (luxon's plus() goes
  // through calendar fields and asks the zone for offsets twice).
  return DateTime.fromMillis(start.toMillis() + minutes * 60_000, { zone: start.zone, locale: LOCALE }) as Instant;
}

/**
 * The zone abbreviation for that date: "CET" in winter, "CEST" in summer. British English names
 * Europe's zones, American English America's; where neither has a name, "UTC+13".
 */
export function abbreviation(at: Instant): string {
  // A zone's name is fixed by its offset at that time (CET at +1, CEST at +2).
  const key = `${at.zoneName}|${at.offset}|${at.year}`;
  let name = zoneNames.get(key);
  if (name === undefined) zoneNames.set(key, (name = nameOfZone(at)));
  return name;
}

function nameOfZone(at: Instant): string {
  const british = at.setLocale('en-GB').toFormat('ZZZZ');
  if (!/^GMT[+-]/.test(british)) return british;
  const american = at.setLocale('en-US').toFormat('ZZZZ');
  if (!/^GMT[+-]/.test(american)) return american;
  return `UTC${at.toFormat('ZZ').replace(/:00$/, '')}`;
}

/** "25 March 2024" */
export function formatDate(at: Instant): string {
  return at.toFormat('d MMMM yyyy');
}

/** "Monday 25 March 2024" */
export function formatDateWithWeekday(at: Instant): string {
  return at.toFormat('cccc d MMMM yyyy');
}

/** "16:00" */
export function formatTime(at: Instant): string {
  return at.toFormat('HH:mm');
}

/** "2024-03-25T16:00:00+01:00", for `<time datetime>` and JSON-LD. */
export function isoWithOffset(at: Instant): string {
  return at.toISO({ suppressMilliseconds: true, includeOffset: true });
}

/** "2024-03-25T15:00:00Z" */
export function isoUtc(at: Instant): string {
  return at.toUTC().toISO({ suppressMilliseconds: true });
}

/** "20240325T150000Z", the UTC form of calendar files and links. */
export function compactUtc(at: Instant): string {
  return at.toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'");
}

/** Milliseconds since the epoch. */
export function toMillis(at: Instant): number {
  return at.toMillis();
}


/** The later of two instants. */
export function latest(a: Instant, b: Instant): Instant {
  return a.toMillis() >= b.toMillis() ? a : b;
}
