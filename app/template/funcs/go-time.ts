// Go's time.Time for templates: layout-based Format and Parse ("2006-01-02"),
// zones through Intl (pure JS), Duration.String and ParseDuration.
import { GoNumber, GoObject, funcValue, type GoFunction, type TemplateFunc, type GoKind, type Value } from '../lang/value.js';

const longMonths = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const longDays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** A zone: its name (as Go prints it) and an offset function. */
export interface GoZone {
  name: string;
  offsetAt(epochMs: number): { offsetSeconds: number; abbreviation: string };
}

/** UTC. */
export const utcZone: GoZone = { name: 'UTC', offsetAt: () => ({ offsetSeconds: 0, abbreviation: 'UTC' }) };

const zoneCache = new Map<string, GoZone>();

/** time.LoadLocation: undefined for unknown zones. */
export function loadZone(name: string, localZone?: string): GoZone | undefined {
  if (name === '' || name === 'UTC') return utcZone;
  if (name === 'Local') {
    if (localZone === undefined || localZone === 'UTC') return { ...utcZone, name: 'Local' };
    const zone = loadZone(localZone);
    return zone === undefined ? { ...utcZone, name: 'Local' } : { ...zone, name: 'Local' };
  }
  const cached = zoneCache.get(name);
  if (cached !== undefined) return cached;
  let format: Intl.DateTimeFormat;
  let shortNames: Intl.DateTimeFormat[];
  try {
    format = new Intl.DateTimeFormat('en-US', { timeZone: name, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    shortNames = ['en-US', 'en-GB'].map((locale) => new Intl.DateTimeFormat(locale, { timeZone: name, timeZoneName: 'short' }));
  } catch {
    return undefined;
  }
  const zone: GoZone = {
    name,
    offsetAt(epochMs: number) {
      const parts = Object.fromEntries(format.formatToParts(new Date(epochMs)).map((p) => [p.type, p.value]));
      const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
      const offsetSeconds = Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 1000);
      // tzdata abbreviations: US names from en-US, European ones from en-GB, else Go's "+01" form.
      const names = shortNames.map((f) => f.formatToParts(new Date(epochMs)).find((p) => p.type === 'timeZoneName')?.value ?? '');
      const named = names.find((n) => /^[A-Z]{2,5}$/.test(n) && n !== 'GMT') ?? (names.includes('GMT') && offsetSeconds === 0 ? 'GMT' : undefined);
      const abbreviation = named ?? formatOffsetAbbreviation(offsetSeconds);
      return { offsetSeconds, abbreviation };
    },
  };
  zoneCache.set(name, zone);
  return zone;
}

function formatOffsetAbbreviation(offsetSeconds: number): string {
  const sign = offsetSeconds < 0 ? '-' : '+';
  const abs = Math.abs(offsetSeconds);
  const h = Math.floor(abs / 3600);
  const m = Math.floor((abs % 3600) / 60);
  return `${sign}${String(h).padStart(2, '0')}${m === 0 ? '' : String(m).padStart(2, '0')}`;
}

function fixedZone(offsetSeconds: number, abbreviation: string): GoZone {
  return { name: abbreviation, offsetAt: () => ({ offsetSeconds, abbreviation }) };
}

interface Civil {
  year: number; month: number; day: number; hour: number; minute: number; second: number;
  nanosecond: number; weekday: number; yearDay: number; offsetSeconds: number; abbreviation: string;
}

/** A time.Time: an instant (nanoseconds since the epoch) in a zone. */
export class GoTime extends GoObject {
  readonly goType = 'time.Time';
  readonly goKind: GoKind = 'struct';

  constructor(readonly epochNanos: bigint, readonly zone: GoZone = utcZone) {
    super();
  }

  /** time.Unix(sec, 0) in a zone. */
  static fromUnixSeconds(seconds: bigint, zone: GoZone): GoTime {
    return new GoTime(seconds * 1000000000n, zone);
  }

  get epochMs(): number {
    return Number(this.epochNanos / 1000000n) - (this.epochNanos < 0n && this.epochNanos % 1000000n !== 0n ? 1 : 0);
  }

  /** Seconds since the epoch (floor). */
  get unixSeconds(): bigint {
    const s = this.epochNanos / 1000000000n;
    return this.epochNanos < 0n && this.epochNanos % 1000000000n !== 0n ? s - 1n : s;
  }

  /** Calendar fields in this time's zone. */
  civil(): Civil {
    const { offsetSeconds, abbreviation } = this.zone.offsetAt(this.epochMs);
    const seconds = this.unixSeconds + BigInt(offsetSeconds);
    const nanosecond = Number(this.epochNanos - this.unixSeconds * 1000000000n);
    const date = new Date(Number(seconds) * 1000);
    const year = date.getUTCFullYear();
    const startOfYear = Date.UTC(year, 0, 1);
    return {
      year, month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: date.getUTCHours(), minute: date.getUTCMinutes(),
      second: date.getUTCSeconds(), nanosecond, weekday: date.getUTCDay(),
      yearDay: Math.floor((date.getTime() - startOfYear) / 86400000) + 1, offsetSeconds, abbreviation,
    };
  }

  /** t.In(zone). */
  inZone(zone: GoZone): GoTime {
    return new GoTime(this.epochNanos, zone);
  }

  /** t.Add(d). */
  add(nanos: bigint): GoTime {
    return new GoTime(this.epochNanos + nanos, this.zone);
  }

  /** Time.Format(layout). */
  format(layout: string): string {
    return formatTime(this, layout);
  }

  override goString(): string {
    return this.format('2006-01-02 15:04:05.999999999 -0700 MST');
  }

  /** JSON form (RFC 3339 with nanoseconds). */
  toJsonValue(): Value {
    return this.format('2006-01-02T15:04:05.999999999Z07:00');
  }

  override goMethod(name: string): GoFunction | undefined {
    const c = () => this.civil();
    const int = (n: number) => BigInt(n);
    const noArgs: Record<string, () => Value> = {
      Unix: () => new GoNumber('int64', this.unixSeconds),
      UnixMilli: () => new GoNumber('int64', this.epochNanos / 1000000n),
      UnixNano: () => new GoNumber('int64', this.epochNanos),
      Year: () => int(c().year),
      Month: () => longMonths[c().month - 1],
      Day: () => int(c().day),
      Hour: () => int(c().hour),
      Minute: () => int(c().minute),
      Second: () => int(c().second),
      Nanosecond: () => int(c().nanosecond),
      YearDay: () => int(c().yearDay),
      Weekday: () => longDays[c().weekday],
      UTC: () => this.inZone(utcZone),
      Local: () => this,
      String: () => this.goString(),
      IsZero: () => this.epochNanos === -62135596800000000000n,
    };
    if (Object.hasOwn(noArgs, name)) return method([], () => noArgs[name]());
    if (name === 'Format') return method(['string'], (args: Value[]) => this.format(args[0] as string));
    if (name === 'Add') return method(['interface {}'], (args: Value[]) => this.add(durationNanos(args[0])));
    return undefined;
  }
}

function durationNanos(d: Value): bigint {
  if (typeof d === 'bigint') return d;
  if (d instanceof GoNumber && d.isInteger) return d.value as bigint;
  if (typeof d === 'number') return BigInt(Math.trunc(d));
  return 0n;
}

/** Splits a Go layout into literal text and std chunks (time.nextStdChunk). */
export function layoutChunks(layout: string): Array<{ literal: string } | { std: string }> {
  const out: Array<{ literal: string } | { std: string }> = [];
  let literal = '';
  let i = 0;
  outer: while (i < layout.length) {
    const rest = layout.slice(i);
    const frac = /^[.,](0+|9+)(?![0-9])/.exec(rest);
    if (frac !== null) {
      if (literal !== '') out.push({ literal });
      literal = '';
      out.push({ std: frac[0] });
      i += frac[0].length;
      continue;
    }
    for (const chunk of ['January', 'Jan', 'Monday', 'Mon', 'MST', '2006', '002', '__2', '_2', '-07:00:00', '-070000', '-07:00', '-0700', '-07',
      'Z07:00:00', 'Z070000', 'Z07:00', 'Z0700', 'Z07', '01', '02', '03', '04', '05', '06', '15', 'PM', 'pm', '1', '2', '3', '4', '5']) {
      if (rest.startsWith(chunk)) {
        if ((chunk === 'Jan' && rest.startsWith('January')) || (chunk === 'Mon' && rest.startsWith('Monday'))) continue;
        if (chunk === 'Mon' && /^Month/.test(rest)) continue;
        if (literal !== '') out.push({ literal });
        literal = '';
        out.push({ std: chunk });
        i += chunk.length;
        continue outer;
      }
    }
    literal += layout[i];
    i++;
  }
  if (literal !== '') out.push({ literal });
  return out;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function formatOffset(offset: number, colon: boolean, seconds: boolean, short: boolean): string {
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const h = pad(Math.floor(abs / 3600), 2);
  const m = pad(Math.floor((abs % 3600) / 60), 2);
  const s = pad(abs % 60, 2);
  if (short) return sign + h;
  return sign + h + (colon ? ':' : '') + m + (seconds ? (colon ? ':' : '') + s : '');
}

function formatTime(t: GoTime, layout: string): string {
  const c = t.civil();
  let out = '';
  for (const part of layoutChunks(layout)) {
    if ('literal' in part) {
      out += part.literal;
      continue;
    }
    const std = part.std;
    const hour12 = c.hour % 12 === 0 ? 12 : c.hour % 12;
    switch (std) {
      case 'January': out += longMonths[c.month - 1]; break;
      case 'Jan': out += longMonths[c.month - 1].slice(0, 3); break;
      case 'Monday': out += longDays[c.weekday]; break;
      case 'Mon': out += longDays[c.weekday].slice(0, 3); break;
      case 'MST': out += c.abbreviation; break;
      case '2006': out += pad(c.year, 4); break;
      case '06': out += pad(c.year % 100, 2); break;
      case '01': out += pad(c.month, 2); break;
      case '1': out += String(c.month); break;
      case '02': out += pad(c.day, 2); break;
      case '2': out += String(c.day); break;
      case '_2': out += String(c.day).padStart(2, ' '); break;
      case '002': out += pad(c.yearDay, 3); break;
      case '__2': out += String(c.yearDay).padStart(3, ' '); break;
      case '15': out += pad(c.hour, 2); break;
      case '03': out += pad(hour12, 2); break;
      case '3': out += String(hour12); break;
      case '04': out += pad(c.minute, 2); break;
      case '4': out += String(c.minute); break;
      case '05': out += pad(c.second, 2); break;
      case '5': out += String(c.second); break;
      case 'PM': out += c.hour >= 12 ? 'PM' : 'AM'; break;
      case 'pm': out += c.hour >= 12 ? 'pm' : 'am'; break;
      case '-07:00:00': out += formatOffset(c.offsetSeconds, true, true, false); break;
      case '-070000': out += formatOffset(c.offsetSeconds, false, true, false); break;
      case '-07:00': out += formatOffset(c.offsetSeconds, true, false, false); break;
      case '-0700': out += formatOffset(c.offsetSeconds, false, false, false); break;
      case '-07': out += formatOffset(c.offsetSeconds, false, false, true); break;
      case 'Z07:00:00': out += c.offsetSeconds === 0 ? 'Z' : formatOffset(c.offsetSeconds, true, true, false); break;
      case 'Z070000': out += c.offsetSeconds === 0 ? 'Z' : formatOffset(c.offsetSeconds, false, true, false); break;
      case 'Z07:00': out += c.offsetSeconds === 0 ? 'Z' : formatOffset(c.offsetSeconds, true, false, false); break;
      case 'Z0700': out += c.offsetSeconds === 0 ? 'Z' : formatOffset(c.offsetSeconds, false, false, false); break;
      case 'Z07': out += c.offsetSeconds === 0 ? 'Z' : formatOffset(c.offsetSeconds, false, false, true); break;
      default: {
        const digits = std.length - 1;
        const frac = pad(c.nanosecond, 9).slice(0, digits);
        if (std[1] === '0') out += std[0] + frac;
        else {
          const trimmed = frac.replace(/0+$/, '');
          if (trimmed !== '') out += std[0] + trimmed;
        }
      }
    }
  }
  return out;
}

/** time.ParseInLocation for the common layout elements; throws Go-like errors. */
export function parseTime(layout: string, value: string, zone: GoZone): GoTime {
  let rest = value;
  let year = 1;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let nanos = 0;
  let pm: boolean | undefined;
  let offset: number | undefined;
  const bad = (): never => {
    throw new Error(`parsing time ${JSON.stringify(value)} as ${JSON.stringify(layout)}: cannot parse ${JSON.stringify(rest)} as ${JSON.stringify(layout)}`);
  };
  const take = (re: RegExp): string => {
    const m = re.exec(rest);
    if (m === null) return bad();
    rest = rest.slice(m[0].length);
    return m[0];
  };
  for (const part of layoutChunks(layout)) {
    if ('literal' in part) {
      if (!rest.startsWith(part.literal)) bad();
      rest = rest.slice(part.literal.length);
      continue;
    }
    switch (part.std) {
      case 'January': month = longMonths.findIndex((m) => rest.startsWith(m)) + 1; if (month === 0) bad(); rest = rest.slice(longMonths[month - 1].length); break;
      case 'Jan': month = longMonths.findIndex((m) => rest.startsWith(m.slice(0, 3))) + 1; if (month === 0) bad(); rest = rest.slice(3); break;
      case 'Monday': { const d = longDays.find((x) => rest.startsWith(x)); if (d === undefined) bad(); rest = rest.slice(d!.length); break; }
      case 'Mon': take(/^[A-Z][a-z]{2}/); break;
      case 'MST': take(/^[A-Z]{3,5}|^[+-]\d+/); break;
      case '2006': year = Number(take(/^\d{4}/)); break;
      case '06': year = 1900 + Number(take(/^\d{2}/)); if (year < 1969) year += 100; break;
      case '01': month = Number(take(/^\d{2}/)); break;
      case '1': month = Number(take(/^\d{1,2}/)); break;
      case '02': day = Number(take(/^\d{2}/)); break;
      case '2': day = Number(take(/^\d{1,2}/)); break;
      case '_2': day = Number(take(/^ ?\d{1,2}/).trim()); break;
      case '002': case '__2': take(/^ *\d{1,3}/); break;
      case '15': hour = Number(take(/^\d{1,2}/)); break;
      case '03': case '3': hour = Number(take(/^\d{1,2}/)); break;
      case '04': case '4': minute = Number(take(/^\d{1,2}/)); break;
      case '05': case '5': second = Number(take(/^\d{1,2}/)); {
        const frac = /^[.,](\d+)/.exec(rest);
        if (frac !== null && !layout.includes(`${part.std}.`) && !layout.includes(`${part.std},`)) {
          nanos = Number(frac[1].slice(0, 9).padEnd(9, '0'));
          rest = rest.slice(frac[0].length);
        }
        break;
      }
      case 'PM': pm = take(/^(AM|PM)/) === 'PM'; break;
      case 'pm': pm = take(/^(am|pm)/) === 'pm'; break;
      default:
        if (/^Z?-07/.test(part.std)) {
          if (part.std.startsWith('Z') && rest.startsWith('Z')) {
            rest = rest.slice(1);
            offset = 0;
          } else {
            const m = take(/^[+-]\d{2}(?::?\d{2}(?::?\d{2})?)?/);
            const sign = m[0] === '-' ? -1 : 1;
            const nums = m.slice(1).replace(/:/g, '');
            offset = sign * (Number(nums.slice(0, 2)) * 3600 + Number(nums.slice(2, 4) || 0) * 60 + Number(nums.slice(4, 6) || 0));
          }
        } else {
          const frac = take(/^[.,]\d+/);
          nanos = Number(frac.slice(1, 10).padEnd(9, '0'));
        }
    }
  }
  if (rest !== '') throw new Error(`parsing time ${JSON.stringify(value)}: extra text: ${JSON.stringify(rest)}`);
  if (pm !== undefined) {
    if (pm && hour < 12) hour += 12;
    if (!pm && hour === 12) hour = 0;
  }
  if (month < 1 || month > 12) throw new Error(`parsing time ${JSON.stringify(value)}: month out of range`);
  if (day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) throw new Error(`parsing time ${JSON.stringify(value)}: day out of range`);
  const civilMs = Date.UTC(year, month - 1, day, hour, minute, second);
  let epochMs: number;
  let resultZone = zone;
  if (offset !== undefined) {
    epochMs = civilMs - offset * 1000;
    const local = zone.offsetAt(epochMs);
    if (local.offsetSeconds !== offset) resultZone = fixedZone(offset, '');
  } else {
    const guess = zone.offsetAt(civilMs).offsetSeconds;
    epochMs = civilMs - guess * 1000;
    const actual = zone.offsetAt(epochMs).offsetSeconds;
    if (actual !== guess) epochMs = civilMs - actual * 1000;
  }
  return new GoTime(BigInt(epochMs) * 1000000n + BigInt(nanos), resultZone);
}

function method(params: string[], call: TemplateFunc): GoFunction {
  return funcValue(call, { params });
}
