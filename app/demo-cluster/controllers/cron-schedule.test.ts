// Standard 5-field cron as the CronJob controller reads it (UTC).
import { describe, expect, it } from 'vitest';
import { lastScheduledBetween, parseCron } from './cron-schedule.js';

const at = (iso: string) => new Date(iso);

describe('cron schedules', () => {
  it('matches lists, ranges, steps and macros', () => {
    expect(parseCron('*/15 9-17 * * 1-5').matches(at('2026-11-27T09:45:00Z'))).toBe(true);
    expect(parseCron('*/15 9-17 * * 1-5').matches(at('2026-11-28T09:45:00Z'))).toBe(false);
    expect(parseCron('0 3 1,15 * *').matches(at('2026-12-15T03:00:00Z'))).toBe(true);
    expect(parseCron('@hourly').matches(at('2026-11-27T05:00:00Z'))).toBe(true);
    expect(parseCron('0 0 * * 7').matches(at('2026-11-29T00:00:00Z'))).toBe(true);
  });

  it('finds the latest missed run and rejects bad expressions', () => {
    const schedule = parseCron('30 2 * * *');
    expect(lastScheduledBetween(schedule, Date.parse('2026-11-25T00:00:00Z'), Date.parse('2026-11-27T03:00:00Z'))?.toISOString()).toBe('2026-11-27T02:30:00.000Z');
    expect(lastScheduledBetween(schedule, Date.parse('2026-11-27T02:30:00Z'), Date.parse('2026-11-27T03:00:00Z'))).toBeUndefined();
    expect(() => parseCron('61 * * * *')).toThrow(/invalid cron field/);
    expect(() => parseCron('* * *')).toThrow(/5 fields/);
  });
});
