// Timestamp and duration accessors as cel-go computes them. cel-js reads a
// timestamp's calendar fields through the host's local time zone (so
// getDayOfYear() differed by machine) and rejects fixed-offset zones such as
// "+05:30", which cel-go accepts beside IANA names. The accessor calls are
// renamed before parsing (rewrite-methods.ts) and answered here.
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

/** Accessor name -> the name rewrite-methods.ts gives its calls. */
export const timestampAccessorNames = Object.fromEntries(Object.keys(accessors).map((name) => [name, `k8s${name[0]!.toUpperCase()}${name.slice(1)}`]));

/** Adds the renamed timestamp accessors (with and without a zone) and the duration ones. */
export function registerTimestampLibrary(env: CelRegistrar): void {
  for (const [name, read] of Object.entries(accessors)) {
    const renamed = timestampAccessorNames[name]!;
    env.registerFunction(`google.protobuf.Timestamp.${renamed}(): int`, (d: Date) => BigInt(read(fieldsIn(d), d)));
    env.registerFunction(`google.protobuf.Timestamp.${renamed}(string): int`, (d: Date, zone: string) => BigInt(read(fieldsIn(d, zone), d)));
  }
  for (const name of ['getHours', 'getMinutes', 'getSeconds', 'getMilliseconds']) {
    env.registerFunction(`google.protobuf.Duration.${timestampAccessorNames[name]}(): int`, (d: Record<string, () => bigint>) => d[name]!());
  }
}
