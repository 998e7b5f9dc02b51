// Timestamp accessors as cel-go computes them: UTC by default, an IANA zone
// or a fixed "+HH:MM" offset when given, never the host's local zone.
import { describe, expect, it } from 'vitest';
import { compileCel } from './cel-environment.js';

const run = (expression: string) => compileCel(expression).evaluate({ variables: {} });
const t = 'timestamp("2024-07-01T00:30:45.250Z")';

describe('timestamp accessors', () => {
  it.each([
    [`${t}.getFullYear()`, 2024n],
    [`${t}.getMonth()`, 6n],
    [`${t}.getDate()`, 1n],
    [`${t}.getDayOfMonth()`, 0n],
    [`${t}.getDayOfWeek()`, 1n],
    [`${t}.getDayOfYear()`, 182n],
    [`${t}.getHours()`, 0n],
    [`${t}.getMinutes()`, 30n],
    [`${t}.getSeconds()`, 45n],
    [`${t}.getMilliseconds()`, 250n],
    [`${t}.getHours("Europe/Berlin")`, 2n],
    [`${t}.getHours("+02:00")`, 2n],
    [`${t}.getHours("-05:30")`, 19n],
    [`${t}.getDayOfWeek("-05:00")`, 0n],
    [`${t}.getMonth("America/New_York")`, 5n],
    ['timestamp("2024-12-31T23:00:00Z").getDayOfYear("+02:00")', 0n],
    ['duration("1h30m").getMinutes()', 90n],
    ['duration("1.5s").getMilliseconds()', 1500n],
  ])('%s', (expression, expected) => {
    expect(run(expression)).toBe(expected);
  });

  it('does not depend on the host time zone', () => {
    const saved = process.env.TZ;
    try {
      // Node reads TZ when it changes, so a zone with summer time exercises the old local-time arithmetic.
      process.env.TZ = 'Europe/Berlin';
      expect(run(`${t}.getDayOfYear()`)).toBe(182n);
      expect(run('timestamp("2024-03-31T23:30:00Z").getDate()')).toBe(31n);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('an unknown zone or a malformed offset is an error that says what to write', () => {
    expect(() => run(`${t}.getHours("Mars/Base")`)).toThrow(/unknown time zone "Mars\/Base"/);
    expect(() => run(`${t}.getHours("2:x")`)).toThrow(/invalid time zone offset/);
  });
});

describe('timestamp()', () => {
  it('takes RFC 3339 with Z or an offset, and Unix seconds', () => {
    expect(run('timestamp("2024-01-01T00:00:00+02:00") == timestamp("2023-12-31T22:00:00Z")')).toBe(true);
    expect(run('int(timestamp("2024-01-01T00:00:00.5Z")) == 1704067200')).toBe(true);
    expect(run('timestamp(1704067200) == timestamp("2024-01-01T00:00:00Z")')).toBe(true);
    expect(run('timestamp("0001-01-01T00:00:00Z").getFullYear()')).toBe(1n);
  });

  it.each(['Mon Jan 01 2024 00:00:00', '2024-01-01 00:00:00Z', '2024-01-01T00:00:00', '2024-02-30T00:00:00Z'])('rejects %s, as cel-go does', (text) => {
    expect(() => run(`timestamp("${text}")`)).toThrow(/RFC 3339|not a valid date/);
  });
});

describe('duration()', () => {
  it.each([
    ['string(duration("0"))', '0s'],
    ['string(duration("1.s"))', '1s'],
    ['string(duration(".5s"))', '0.5s'],
    ['string(duration("2h45m30.5s"))', '9930.5s'],
    ['string(duration("1µs"))', '0.000001s'],
    ['duration("-1.5h") == duration("-90m")', true],
  ])('%s', (expression, expected) => {
    expect(run(expression)).toBe(expected);
  });

  it.each(['s', '1', '1d', '1h-30m', '3000000h'])('rejects %s, as Go time.ParseDuration does', (text) => {
    expect(() => run(`duration("${text}")`)).toThrow(/invalid duration/);
  });
});
