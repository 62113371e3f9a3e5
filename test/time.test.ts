import { describe, expect, it } from 'vitest';
import { abbreviation, addMinutes, isoUtc, isoWithOffset, parseNow, parseSessionStart } from '../src/time.js';

describe('the test run itself', () => {
  it('runs in the zone its project names, so zone bugs would show', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(process.env.TZ === 'UTC' ? 'UTC' : process.env.TZ);
  });
});

describe('parseSessionStart', () => {
  it('reads a wall-clock time in the session zone', () => {
    const parsed = parseSessionStart('2024-03-31 16:00', 'Europe/Copenhagen');
    expect(parsed.ok && parsed.start.toUTC().toISO()).toBe('2024-03-31T14:00:00.000Z');
  });

  it('accepts an explicit offset that agrees with the zone', () => {
    const parsed = parseSessionStart('2025-10-20T09:30:00+02:00', 'Europe/Copenhagen');
    expect(parsed.ok).toBe(true);
  });

  it('rejects "CET" typed for a summer date', () => {
    const parsed = parseSessionStart('2025-10-20T09:30:00+01:00', 'Europe/Copenhagen');
    expect(parsed).toMatchObject({ ok: false, reason: 'offset-mismatch' });
  });

  it('rejects a date without a time', () => {
    expect(parseSessionStart('2025-10-20', 'Europe/Copenhagen')).toMatchObject({ ok: false, reason: 'no-time' });
  });
});

describe('parseSessionStart, many times over a DST switch (offsets are remembered per instant)', () => {
  it('gives each wall time its own offset, asked in any order and again', () => {
    const wall = ['2024-03-31 01:30', '2024-03-31 03:30', '2024-10-27 01:30', '2024-10-27 03:30', '2024-03-30 16:00'];
    const expected = ['2024-03-31T00:30:00Z', '2024-03-31T01:30:00Z', '2024-10-26T23:30:00Z', '2024-10-27T02:30:00Z', '2024-03-30T15:00:00Z'];
    for (const order of [wall, [...wall].reverse(), wall]) {
      for (const text of order) {
        const parsed = parseSessionStart(text, 'Europe/Copenhagen');
        expect(parsed.ok && isoUtc(parsed.start), text).toBe(expected[wall.indexOf(text)]);
      }
    }
  });

  it('accepts "T" and seconds, and refuses a day or hour that does not exist', () => {
    const at = (text: string) => {
      const parsed = parseSessionStart(text, 'Europe/Copenhagen');
      return parsed.ok ? isoWithOffset(parsed.start) : parsed.reason;
    };
    expect(at('2024-03-25T16:00')).toBe('2024-03-25T16:00:00+01:00');
    expect(at('2024-03-25 16:00:30')).toBe('2024-03-25T16:00:30+01:00');
    expect(at('2024-02-30 16:00')).toBe('unparsable');
    expect(at('2024-03-25 24:30')).toBe('unparsable');
  });
});

describe('addMinutes', () => {
  it('adds real minutes across a DST switch: 01:30 CET plus 90 minutes is 04:00 CEST', () => {
    const parsed = parseSessionStart('2024-03-31 01:30', 'Europe/Copenhagen');
    if (!parsed.ok) throw new Error('unparsed');
    const end = addMinutes(parsed.start, 90);
    expect(isoWithOffset(end)).toBe('2024-03-31T04:00:00+02:00');
    expect(abbreviation(end)).toBe('CEST');
  });
});

describe('abbreviation', () => {
  it.each([
    ['2024-03-31 01:30', 'Europe/Copenhagen', 'CET'],
    ['2024-03-31 16:00', 'Europe/Copenhagen', 'CEST'],
    ['2024-07-01 12:00', 'America/New_York', 'EDT'],
    ['2024-07-01 12:00', 'Pacific/Auckland', 'UTC+12'],
    ['2024-07-01 12:00', 'Asia/Kolkata', 'UTC+05:30'],
  ])('%s in %s is %s', (local, zone, expected) => {
    const parsed = parseSessionStart(local, zone);
    expect(parsed.ok && abbreviation(parsed.start)).toBe(expected);
  });
});

describe('parseNow', () => {
  it('needs an offset', () => {
    expect(parseNow('2024-03-20T12:00:00')).toBeUndefined();
    expect(parseNow('2024-03-20T12:00:00+01:00')?.toUTC().toISO()).toBe('2024-03-20T11:00:00.000Z');
  });
});
