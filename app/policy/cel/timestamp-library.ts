// Timestamp and duration accessors as cel-go computes them. cel-js reads a
// timestamp's calendar fields through the host's local time zone (so
// getDayOfYear() differed by machine) and rejects fixed-offset zones such as
// "+05:30", which cel-go accepts beside IANA names. Its timestamp(string)
// also took any string JS Date parses ("Mon Jan 01 2024 00:00:00", read in
// the host zone), where cel-go takes RFC 3339 only. These calls are renamed
// before parsing (rewrite-methods.ts) and answered here, as is duration(),
// which must follow Go's time.ParseDuration ("0" is valid, "s" and "1d" not).
import { CelLibraryError, type CelRegistrar } from './cel-registrar.js';

interface Fields { year: number; month: number; day: number; hour: number; minute: number; second: number }

const formatters = new Map<string, Intl.DateTimeFormat>();

function zoneFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    } catch {
      throw new CelLibraryError(`unknown time zone ${JSON.stringify(zone)} (use an IANA name such as "Europe/Berlin" or an offset such as "+05:30")`);
    }
    formatters.set(zone, formatter);
  }
  return formatter;
}

// cel-go: a zone containing ':' is a fixed offset "[+-]HH:MM"; anything else an IANA name.
function fieldsIn(date: Date, zone?: string): Fields {
  if (zone === undefined || zone === 'UTC') return utcFields(date);
  const offset = /^([+-]?)(\d{1,2}):(\d{2})$/.exec(zone);
  if (offset) {
    const minutes = (Number(offset[2]) * 60 + Number(offset[3])) * (offset[1] === '-' ? -1 : 1);
    return utcFields(new Date(date.getTime() + minutes * 60_000));
  }
  if (zone.includes(':')) throw new CelLibraryError(`invalid time zone offset ${JSON.stringify(zone)} (use "+HH:MM")`);
  const parts = Object.fromEntries(zoneFormatter(zone).formatToParts(date).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month) - 1, day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second) };
}

function utcFields(date: Date): Fields {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth(), day: date.getUTCDate(), hour: date.getUTCHours(), minute: date.getUTCMinutes(), second: date.getUTCSeconds() };
}

const accessors: Record<string, (f: Fields, date: Date) => number> = {
  getFullYear: (f) => f.year,
  getMonth: (f) => f.month,
  getDate: (f) => f.day,
  getDayOfMonth: (f) => f.day - 1,
  getDayOfWeek: (f) => new Date(Date.UTC(f.year, f.month, f.day)).getUTCDay(),
  getDayOfYear: (f) => Math.round((Date.UTC(f.year, f.month, f.day) - Date.UTC(f.year, 0, 1)) / 86_400_000),
  getHours: (f) => f.hour,
  getMinutes: (f) => f.minute,
  getSeconds: (f) => f.second,
  getMilliseconds: (_, date) => ((date.getTime() % 1000) + 1000) % 1000,
};

const rfc3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z, the range cel-go allows.
const earliest = -62135596800000;
const latest = 253402300799999;

function inRange(date: Date): Date {
  const time = date.getTime();
  if (!(time >= earliest && time <= latest)) throw new CelLibraryError('timestamp out of range (0001-01-01 to 9999-12-31)');
  return date;
}

/** cel-go's timestamp(string): RFC 3339 only (time.Parse with time.RFC3339). */
function parseTimestamp(text: string): Date {
  const match = rfc3339.exec(text);
  if (!match) throw new CelLibraryError(`timestamp ${JSON.stringify(text)} is not RFC 3339 (write 2024-01-31T12:00:00Z or with an offset such as +02:00)`);
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
  date.setUTCFullYear(year);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
    throw new CelLibraryError(`timestamp ${JSON.stringify(text)} is not a valid date and time`);
  }
  const millis = match[7] ? Math.floor(Number(`0${match[7]}`) * 1000) : 0;
  const zone = match[8]!;
  const offset = zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  return inRange(new Date(date.getTime() + millis - offset * 60_000));
}

const nanosPerUnit: Record<string, bigint> = { ns: 1n, us: 1_000n, 'µs': 1_000n, 'μs': 1_000n, ms: 1_000_000n, s: 1_000_000_000n, m: 60_000_000_000n, h: 3_600_000_000_000n };
const maxNanos = (1n << 63n) - 1n;

/** Go's time.ParseDuration, in nanoseconds. */
function parseGoDuration(text: string): bigint {
  const invalid = () => new CelLibraryError(`invalid duration ${JSON.stringify(text)} (write e.g. "90s", "1h30m" or "1.5h"; units ns, us, ms, s, m, h)`);
  let rest = text;
  const negative = rest.startsWith('-');
  if (negative || rest.startsWith('+')) rest = rest.slice(1);
  if (rest === '0') return 0n;
  if (rest === '') throw invalid();
  let total = 0n;
  while (rest) {
    const part = /^(\d*)(?:\.(\d*))?([^\d.]+)/.exec(rest);
    if (!part || (part[1] === '' && !part[2])) throw invalid();
    const unit = nanosPerUnit[part[3]!];
    if (unit === undefined) throw invalid();
    const fraction = part[2] ?? '';
    total += BigInt(part[1] || '0') * unit + (fraction ? (BigInt(fraction) * unit) / 10n ** BigInt(fraction.length) : 0n);
    if (total > maxNanos) throw invalid();
    rest = rest.slice(part[0].length);
  }
  return negative ? -total : total;
}

type DurationConstructor = new (seconds: bigint, nanos: number) => unknown;

/** Accessor name -> the name rewrite-methods.ts gives its calls. */
export const timestampAccessorNames = Object.fromEntries(Object.keys(accessors).map((name) => [name, `k8s${name[0]!.toUpperCase()}${name.slice(1)}`]));

/** Adds the renamed timestamp accessors (with and without a zone) and the duration ones. */
export function registerTimestampLibrary(env: CelRegistrar): void {
  // cel-js does not export its Duration class; take it from a value its own duration() makes.
  let durationClass: DurationConstructor | undefined;
  const makeDuration = (nanos: bigint) => {
    durationClass ??= ((env as unknown as { evaluate(expression: string): object }).evaluate('duration("0s")').constructor) as DurationConstructor;
    return new durationClass(nanos / 1_000_000_000n, Number(nanos % 1_000_000_000n));
  };
  env.registerFunction('k8sDuration(string): google.protobuf.Duration', (text: string) => makeDuration(parseGoDuration(text)));
  env.registerFunction('k8sDuration(google.protobuf.Duration): google.protobuf.Duration', (d: unknown) => d);
  env.registerFunction('k8sTimestamp(string): google.protobuf.Timestamp', parseTimestamp);
  env.registerFunction('k8sTimestamp(int): google.protobuf.Timestamp', (seconds: bigint) => inRange(new Date(Number(seconds) * 1000)));
  env.registerFunction('k8sTimestamp(google.protobuf.Timestamp): google.protobuf.Timestamp', (t: Date) => t);
  for (const [name, read] of Object.entries(accessors)) {
    const renamed = timestampAccessorNames[name]!;
    env.registerFunction(`google.protobuf.Timestamp.${renamed}(): int`, (d: Date) => BigInt(read(fieldsIn(d), d)));
    env.registerFunction(`google.protobuf.Timestamp.${renamed}(string): int`, (d: Date, zone: string) => BigInt(read(fieldsIn(d, zone), d)));
  }
  for (const name of ['getHours', 'getMinutes', 'getSeconds', 'getMilliseconds']) {
    env.registerFunction(`google.protobuf.Duration.${timestampAccessorNames[name]}(): int`, (d: Record<string, () => bigint>) => d[name]!());
  }
}
