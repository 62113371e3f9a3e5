import { describe, expect, it } from 'vitest';
import { isLive, isUpcoming, nextAndLater, splitUpcomingPast } from '../../src/model/split-upcoming-past.js';
import type { Session } from '../../src/model/types.js';
import { addMinutes, parseSessionStart } from '../../src/time.js';
import { at } from '../helpers/site.js';

function session(season: number, start: string | undefined, duration = 90): Session {
  const parsed = start ? parseSessionStart(start, 'Europe/Copenhagen') : undefined;
  if (parsed && !parsed.ok) throw new Error('bad fixture');
  const begin = parsed?.start;
  return {
    file: `s${season}`, lineOf: () => undefined, season, code: `S0${season}`, slug: `s0${season}`, topic: undefined,
    start: begin, end: begin ? addMinutes(begin, duration) : undefined, durationMinutes: duration,
    timezone: 'Europe/Copenhagen', registration: undefined, join: undefined, status: 'scheduled',
    previousStart: undefined, calendarRevision: undefined, changedAt: undefined, talks: [],
  };
}

describe('isUpcoming', () => {
  const s05 = session(5, '2024-03-25 16:00'); // 15:00Z to 16:30Z

  it.each([
    ['a day before', '2024-03-24T16:00:00+01:00', true],
    ['at the start', '2024-03-25T15:00:00Z', true],
    ['10 minutes after it started', '2024-03-25T15:10:00Z', true],
    ['a minute before it ends', '2024-03-25T16:29:00Z', true],
    ['at its end', '2024-03-25T16:30:00Z', false],
    ['a minute after it ended', '2024-03-25T16:31:00Z', false],
    ['the same end instant written in another zone', '2024-03-25T09:31:00-07:00', false],
  ])('%s → upcoming: %s', (_label, now, expected) => {
    expect(isUpcoming(s05, at(now))).toBe(expected);
  });

  it('keeps a session without a date upcoming', () => {
    expect(isUpcoming(session(10, undefined), at('2030-01-01T00:00:00Z'))).toBe(true);
  });

  it('uses the session duration, not a fixed one', () => {
    const short = session(6, '2025-02-24 15:00', 30);
    expect(isUpcoming(short, at('2025-02-24T14:31:00Z'))).toBe(false);
  });
});

describe('isLive', () => {
  const s05 = session(5, '2024-03-25 16:00'); // 15:00Z to 16:30Z

  it.each([
    ['a minute before the start', '2024-03-25T14:59:00Z', false],
    ['at the start', '2024-03-25T15:00:00Z', true],
    ['a minute before the end', '2024-03-25T16:29:00Z', true],
    ['at the end', '2024-03-25T16:30:00Z', false],
  ])('%s → live: %s', (_label, now, expected) => {
    expect(isLive(s05, at(now))).toBe(expected);
  });

  it('is never live when called off or undated', () => {
    expect(isLive({ ...s05, status: 'cancelled' }, at('2024-03-25T15:30:00Z'))).toBe(false);
    expect(isLive({ ...s05, status: 'postponed' }, at('2024-03-25T15:30:00Z'))).toBe(false);
    expect(isLive(session(10, undefined), at('2024-03-25T15:30:00Z'))).toBe(false);
  });
});

describe('splitUpcomingPast', () => {
  const sessions = [
    session(1, '2023-02-27 16:00'),
    session(2, '2023-06-05 16:00'),
    session(3, '2023-09-18 13:00'),
    session(4, '2023-12-04 16:00'),
    session(10, undefined),
  ];

  it('orders past sessions newest first and upcoming soonest first, undated last', () => {
    const { upcoming, past } = splitUpcomingPast(sessions, at('2023-08-01T12:00:00+02:00'));
    expect(past.map((s) => s.season)).toEqual([2, 1]);
    expect(upcoming.map((s) => s.season)).toEqual([3, 4, 10]);
  });

  it('moves a session to past across a DST switch by instant, not by wall clock', () => {
    // S04 is on 4 December (CET); now is given in New York time.
    const { past } = splitUpcomingPast(sessions, at('2023-12-04T12:31:00-05:00'));
    expect(past[0]!.season).toBe(4);
  });
});

describe('nextAndLater', () => {
  const called = (season: number, status: Session['status'], start: string) => ({ ...session(season, start), status });
  const [s1, s2, s3, s4] = [called(1, 'cancelled', '2024-03-04 16:00'), called(2, 'scheduled', '2024-03-11 16:00'), called(3, 'postponed', '2024-03-18 16:00'), called(4, 'rescheduled', '2024-03-25 16:00')];

  it('makes the first session that takes place the next, announces those called off before it, and lists the rest', () => {
    expect(nextAndLater([s1, s2, s3, s4])).toEqual({ next: s2, calledOff: [s1], later: [s3, s4] });
  });

  it('has no next when every upcoming session is called off, and announces them all', () => {
    expect(nextAndLater([s1, s3])).toEqual({ next: undefined, calledOff: [s1, s3], later: [] });
    expect(nextAndLater([])).toEqual({ next: undefined, calledOff: [], later: [] });
  });
});
