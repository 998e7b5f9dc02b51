import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './go-duration.js';
import { fixedHost, render } from './testing/render.js';

const host = fixedHost();

describe('Sprig date functions with the host clock', () => {
  it('formats with Go layouts', () => {
    expect(render('{{ now | date "2006-01-02T15:04:05Z07:00" }}|{{ now | date "Mon Jan _2 3:04PM MST 06 002 .000" }}|{{ now | htmlDate }}', {}, { host }))
      .toBe('2024-01-15T10:30:00Z|Mon Jan 15 10:30AM UTC 24 015 .000|2024-01-15');
    expect(render('{{ dateInZone "2006-01-02 15:04 MST -0700" (now) "America/New_York" }}|{{ htmlDateInZone 0 "Asia/Tokyo" }}|{{ dateInZone "15:04" (now) "No/Such_Zone" }}', {}, { host }))
      .toBe('2024-01-15 05:30 EST -0500|1970-01-01|10:30');
  });

  it('uses the local zone of the host for date and ignores float timestamps like Sprig', () => {
    expect(render('{{ date "15:04 MST" 0 }}', {}, { host: fixedHost('Europe/Berlin') })).toBe('01:00 CET');
    expect(render('{{ date "2006" .ts }}', { ts: 0 }, { host })).toBe('2024');
  });

  it('modifies, parses and measures times', () => {
    expect(render('{{ now | dateModify "-1.5h" | date "15:04" }}|{{ now | unixEpoch }}|{{ toDate "2006-01-02" "2017-12-31" | date "02/01/2006" }}|{{ ago (now) }}', {}, { host }))
      .toBe('09:00|1705314600|31/12/2017|0s');
    expect(render('{{ duration "95" }}|{{ duration 95 }}|{{ durationRound "2h10m5s" }}|{{ durationRound "400h" }}|{{ toDate "2006-01-02" "bad" | unixEpoch }}', {}, { host }))
      .toBe('1m35s|0s|2h|16d|-62135596800');
    expect(render('{{ mustToDate "2006-01-02" "bad" }}', {}, { host })).toContain('error calling mustToDate: parsing time');
  });

  it('exposes time.Time methods and prints like Time.String', () => {
    expect(render('{{ $t := toDate "2006-01-02 15:04" "2024-03-05 07:08" }}{{ $t.Year }} {{ $t.Month }} {{ $t.Day }} {{ $t.Weekday }} {{ $t.Unix }} {{ $t.Format "Jan 2" }} {{ $t }} {{ typeOf $t }}', {}, { host }))
      .toBe('2024 March 5 Tuesday 1709622480 Mar 5 2024-03-05 07:08:00 +0000 UTC time.Time');
    expect(render('{{ toJson (toDate "2006-01-02" "2024-03-05") }}', {}, { host })).toBe('"2024-03-05T00:00:00Z"');
  });

  it('prints durations and parses them like Go', () => {
    expect([0n, 1500n, 1500000n, 61000000000n, 3723000000000n, -5000000000n].map(formatDuration)).toEqual(['0s', '1.5µs', '1.5ms', '1m1s', '1h2m3s', '-5s']);
    expect(parseDuration('1h30m')).toBe(5400000000000n);
    expect(() => parseDuration('1x')).toThrow('time: invalid duration "1x"');
  });
});
