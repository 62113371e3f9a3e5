import { problem, type Problem, type ProblemCode } from '../problems.js';
import { abbreviation, formatTime, isKnownZone, isoWithOffset, parseSessionStart, type Instant } from '../time.js';
import { didYouMean } from './did-you-mean.js';
import type { SessionData } from './schema.js';
import type { Located } from './validate-file.js';

/** A session file that passed its schema, with its start parsed in its zone. */
export interface ValidSessionFile extends Located {
  data: SessionData;
  /** Start instant in the session's zone; undefined while TBA. */
  start: Instant | undefined;
  /** For a rescheduled session, the start it had before. */
  previousStart: Instant | undefined;
}

/**
 * Keys that make a session "dated": whoever sets a zone or a registration link has a date in mind,
 * so a missing `start` is a mistake there, not a date to be announced.
 */
export const DATED_SESSION_KEYS = ['timezone', 'registration', 'join'] as const;

/** Check the zone, parse start and previous_start in it, and require a start where the session is dated. */
export function checkSession(session: Located & { data: SessionData }, problems: Problem[]): ValidSessionFile | undefined {
  const { data, file } = session;
  const lineOf = (key: string) => session.lineOf([key]) ?? 1;
  const report = (code: ProblemCode, key: string, message: string, hint: string) => problems.push(problem(code, { file, line: lineOf(key) }, message, hint));

  let zone = data.timezone;
  if (zone !== undefined) {
    const checked = checkZone(zone);
    if (!checked.ok) {
      report('unknown-timezone', 'timezone', checked.message, checked.hint);
      return undefined;
    }
    zone = checked.zone;
  }
  const parse = (key: 'start' | 'previous_start'): Instant | undefined | null => {
    const value = data[key];
    if (value === undefined) return undefined;
    if (zone === undefined) {
      const hasOffset = typeof value === 'string' && /([+-]\d{2}:?\d{2}|Z)$/.test(value.trim());
      report(
        'time-without-zone', key,
        hasOffset ? `"${key}" has a UTC offset but the session has no "timezone"` : `"${key}" has no time zone`,
        hasOffset
          ? 'add "timezone: Europe/Copenhagen" (the place the time is set in): an offset alone cannot tell CET from CEST'
          : 'add "timezone: Europe/Copenhagen" (the IANA zone the time is written in); CET or CEST is then computed',
      );
      return null;
    }
    const parsed = parseSessionStart(value, zone);
    if (parsed.ok) return parsed.start;
    const shown = value;
    if (parsed.reason === 'nonexistent') {
      report(
        'nonexistent-time', key,
        `"${key}" is "${shown}", a time that does not exist in ${zone}: that night the clocks jump from ${parsed.jump.from} to ${parsed.jump.to}`,
        `write a time the clocks show that day: ${String(shown).trim().slice(11, 16)} ${parsed.jump.from.split(' ')[1]} is ${key}: "${parsed.movedTo.toFormat('yyyy-MM-dd HH:mm')}" (${abbreviation(parsed.movedTo)}), also written ${key}: "${isoWithOffset(parsed.movedTo)}"`,
      );
      return null;
    }
    if (parsed.reason === 'ambiguous') {
      const [first, second] = parsed.readings.map((at) => ({ iso: isoWithOffset(at), zone: abbreviation(at), local: formatTime(at), utc: formatTime(at.toUTC()) }));
      report(
        'ambiguous-time', key,
        `"${key}" is "${shown}", a time that happens twice in ${zone}: at ${first!.local} ${first!.zone} (${first!.utc} UTC) and, after the clocks go back, at ${second!.local} ${second!.zone} (${second!.utc} UTC)`,
        `say which one with its offset: ${key}: "${first!.iso}" (${first!.zone}) or ${key}: "${second!.iso}" (${second!.zone})`,
      );
      return null;
    }
    if (parsed.reason === 'no-time') {
      report('bad-datetime', key, `"${key}" has a date but no time: "${shown}"`, `add the local start time in quotes: ${key}: "${shown} 16:00"`);
    } else if (parsed.reason === 'offset-mismatch') {
      report('bad-datetime', key, `"${key}" has the wrong UTC offset: ${parsed.detail}`, `leave the offset out and write the local time, e.g. ${key}: "2024-03-25 16:00"; the zone decides CET or CEST`);
    } else {
      report('bad-datetime', key, `"${key}" is not a date and time: "${shown}"`, `write the local date and time as "YYYY-MM-DD HH:MM" in quotes, e.g. ${key}: "2024-03-25 16:00"`);
    }
    return null;
  };
  const start = parse('start');
  const previousStart = parse('previous_start');
  if (start === null || previousStart === null) return undefined;
  const datedBy = DATED_SESSION_KEYS.find((key) => data[key] !== undefined);
  if (start === undefined && datedBy) {
    report('missing-field', datedBy, `"start" is missing, but the session has a "${datedBy}"`, 'add the local start time, e.g. start: "2024-03-25 16:00"; while the date is to be announced, leave out start, timezone, registration and join');
    return undefined;
  }
  if (data.status === 'rescheduled' && (start === undefined || previousStart === undefined)) {
    report('missing-field', 'status', 'a rescheduled session needs both its new "start" and its "previous_start"', 'write the new time in "start" and the time it had before in "previous_start"');
    return undefined;
  }
  return { ...session, data: zone === data.timezone ? data : { ...data, timezone: zone }, start, previousStart };
}

/** All IANA zone names this runtime knows, for suggestions and canonical spelling. */
const ZONES: readonly string[] = Intl.supportedValuesOf('timeZone');

/**
 * An IANA zone of a place ("Europe/Copenhagen"), in its canonical spelling. Abbreviations such as
 * CET or EST are refused even where the zone database has them: they do not follow a place's summer time.
 */
function checkZone(zone: string): { ok: true; zone: string } | { ok: false; message: string; hint: string } {
  const trimmed = zone.trim();
  const canonical = ZONES.find((name) => name.toLowerCase() === trimmed.toLowerCase());
  if (isKnownZone(trimmed) && (trimmed.includes('/') || /^(UTC|GMT)$/i.test(trimmed))) return { ok: true, zone: canonical ?? trimmed };
  const guess = didYouMean(trimmed, ZONES);
  if (!trimmed.includes('/')) {
    return {
      ok: false,
      message: `"${zone}" is not the name of a place's time zone`,
      hint: 'write the IANA zone of the city the time is set in, e.g. Europe/Copenhagen; summer and winter time (CEST, CET) then follow by themselves',
    };
  }
  return {
    ok: false,
    message: `"${zone}" is not an IANA time zone${guess ? ` (did you mean "${guess}"?)` : ''}`,
    hint: 'use a name from the zone database, such as Europe/Copenhagen or America/New_York',
  };
}
