import { describe, expect, it } from 'vitest';
import { abbreviation, parseNow, parseSessionStart } from '../src/time.js';

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

  it('reads a YAML 1.1 Date (parsed as UTC) as the wall time that was written', () => {
    const parsed = parseSessionStart(new Date(Date.UTC(2024, 2, 25, 16, 0)), 'Europe/Copenhagen');
    expect(parsed.ok && parsed.start.toISO()).toBe('2024-03-25T16:00:00.000+01:00');
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
