// Sprig's date functions on GoTime with the host clock (ctx.host.clock).
import { GoNumber, type CallContext, type FuncMap, type Value } from '../lang/value.js';
import { formatDuration, parseDuration } from './go-duration.js';
import { GoTime, loadZone, parseTime, utcZone, type GoZone } from './go-time.js';
import type { TemplateHost } from './host.js';
import { define, fail, hostOf } from './support.js';

function localZone(ctx: CallContext): GoZone {
  return loadZone('Local', hostOf<TemplateHost>(ctx).clock?.localZone) ?? utcZone;
}

/** time.Now() from the host clock (system clock when none is injected). */
export function now(ctx: CallContext): GoTime {
  const clock = hostOf<TemplateHost>(ctx).clock;
  const nanos = clock !== undefined ? clock.nowNanos() : BigInt(Date.now()) * 1000000n;
  return new GoTime(nanos, localZone(ctx));
}

/** The time a Sprig date function takes: time.Time, int/int64/int32 seconds, else now. */
function timeArg(ctx: CallContext, v: Value, allowInt32 = true): GoTime {
  if (v instanceof GoTime) return v;
  if (typeof v === 'bigint') return GoTime.fromUnixSeconds(v, localZone(ctx));
  if (v instanceof GoNumber && (v.type === 'int64' || (allowInt32 && v.type === 'int32'))) {
    return GoTime.fromUnixSeconds(v.value as bigint, localZone(ctx));
  }
  return now(ctx);
}

function dateInZone(ctx: CallContext, layout: string, date: Value, zoneName: string): string {
  const zone = loadZone(zoneName, hostOf<TemplateHost>(ctx).clock?.localZone) ?? utcZone;
  return timeArg(ctx, date).inZone(zone).format(layout);
}

function timeParam(v: Value): GoTime {
  if (v instanceof GoTime) return v;
  return fail(`wrong type for value; expected time.Time; got ${v === null ? '<nil>' : typeof v}`);
}

function durationRound(ctx: CallContext, v: Value): string {
  let d = 0n;
  if (typeof v === 'string') {
    try {
      d = parseDuration(v);
    } catch {
      d = 0n;
    }
  } else if (v instanceof GoNumber && v.type === 'int64') d = v.value as bigint;
  else if (v instanceof GoTime) d = now(ctx).epochNanos - v.epochNanos;
  const u = d < 0n ? -d : d;
  const hour = 3600000000000n;
  const units: Array<[bigint, string]> = [[hour * 24n * 365n, 'y'], [hour * 24n * 30n, 'mo'], [hour * 24n, 'd'], [hour, 'h'], [60000000000n, 'm'], [1000000000n, 's']];
  for (const [size, suffix] of units) if (u > size) return `${u / size}${suffix}`;
  return '0s';
}

function duration(v: Value): string {
  let n = 0n;
  if (typeof v === 'string') n = /^[+-]?\d+$/.test(v) ? BigInt(v) : 0n;
  else if (v instanceof GoNumber && v.type === 'int64') n = v.value as bigint;
  return formatDuration(BigInt.asIntN(64, n * 1000000000n));
}

function ago(ctx: CallContext, v: Value): string {
  let t: GoTime;
  if (v instanceof GoTime) t = v;
  else if (typeof v === 'bigint' || (v instanceof GoNumber && v.type === 'int64')) t = GoTime.fromUnixSeconds(typeof v === 'bigint' ? v : v.value as bigint, utcZone);
  else t = now(ctx);
  const elapsed = now(ctx).epochNanos - t.epochNanos;
  const second = 1000000000n;
  const half = second / 2n;
  let rounded = (elapsed < 0n ? -elapsed : elapsed) + half;
  rounded -= rounded % second;
  return formatDuration(elapsed < 0n ? -rounded : rounded);
}

function dateModify(layout: string, date: Value, must: boolean): Value {
  const t = timeParam(date);
  try {
    return t.add(parseDuration(layout));
  } catch (error) {
    if (must) return fail((error as Error).message);
    return t;
  }
}

function toDate(ctx: CallContext, layout: string, value: string, must: boolean): Value {
  try {
    return parseTime(layout, value, localZone(ctx));
  } catch (error) {
    if (must) return fail((error as Error).message);
    return new GoTime(-62135596800000000000n, utcZone);
  }
}

/** Sprig's date functions. */
export const dateFunctions: FuncMap = {
  now: define([], (_args, ctx) => now(ctx)),
  date: define(['string', 'interface {}'], ([layout, date], ctx) => dateInZone(ctx, layout as string, date, 'Local')),
  dateInZone: define(['string', 'interface {}', 'string'], ([layout, date, zone], ctx) => dateInZone(ctx, layout as string, date, zone as string)),
  date_in_zone: define(['string', 'interface {}', 'string'], ([layout, date, zone], ctx) => dateInZone(ctx, layout as string, date, zone as string)),
  htmlDate: define(['interface {}'], ([date], ctx) => dateInZone(ctx, '2006-01-02', date, 'Local')),
  htmlDateInZone: define(['interface {}', 'string'], ([date, zone], ctx) => dateInZone(ctx, '2006-01-02', date, zone as string)),
  dateModify: define(['string', 'interface {}'], ([layout, date]) => dateModify(layout as string, date, false)),
  date_modify: define(['string', 'interface {}'], ([layout, date]) => dateModify(layout as string, date, false)),
  mustDateModify: define(['string', 'interface {}'], ([layout, date]) => dateModify(layout as string, date, true)),
  ago: define(['interface {}'], ([date], ctx) => ago(ctx, date)),
  duration: define(['interface {}'], ([sec]) => duration(sec)),
  durationRound: define(['interface {}'], ([d], ctx) => durationRound(ctx, d)),
  unixEpoch: define(['interface {}'], ([date]) => String(timeParam(date).unixSeconds)),
  toDate: define(['string', 'string'], ([layout, value], ctx) => toDate(ctx, layout as string, value as string, false)),
  mustToDate: define(['string', 'string'], ([layout, value], ctx) => toDate(ctx, layout as string, value as string, true)),
};
