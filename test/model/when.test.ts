import { describe, expect, it } from 'vitest';
import { describeWhen } from '../../src/model/when.js';
import { addMinutes, parseSessionStart } from '../../src/time.js';

describe('describeWhen', () => {
  const view = (local: string, zone: string, minutes = 90) => {
    const parsed = parseSessionStart(local, zone);
    if (!parsed.ok) throw new Error('bad fixture');
    return describeWhen(parsed.start, addMinutes(parsed.start, minutes));
  };

  it('computes CET in winter and CEST in summer', () => {
    expect(view('2026-03-02 15:00', 'Europe/Copenhagen').text).toBe('Monday 2 March 2026, 15:00–16:30 CET');
    expect(view('2025-10-20 09:30', 'Europe/Copenhagen').text).toBe('Monday 20 October 2025, 09:30–11:00 CEST');
    expect(view('2025-10-27 09:30', 'Europe/Copenhagen').text).toBe('Monday 27 October 2025, 09:30–11:00 CET');
  });

  it('names both zones for a session that crosses the switch', () => {
    expect(view('2025-10-26 01:30', 'Europe/Copenhagen', 120).text).toBe('Sunday 26 October 2025, 01:30 CEST–02:30 CET');
  });

  it('works for a zone other than Copenhagen', () => {
    const ny = view('2024-03-11 10:00', 'America/New_York', 60);
    expect(ny.text).toBe('Monday 11 March 2024, 10:00–11:00 EDT');
    expect(ny.iso).toBe('2024-03-11T10:00:00-04:00');
  });
});
