// Shared plumbing for the Sprig/Helm function maps: signature helpers, Go
// runtime-panic wording, and spf13/cast conversions as Sprig uses them.
import {
  GoFuncError, GoNumber, GoObject, isGoMap, mapOf, sliceElements, type CallContext, type FuncDefinition, type GoMap,
  type TemplateFunc, type Value,
} from '../lang/value.js';
import { formatValue } from '../lang/format.js';
import { utf8Decode } from './encoding-base.js';

/** A func map entry with Go parameter types (the interpreter checks arity and types from them). */
export function define(params: readonly string[], call: TemplateFunc, variadic?: string): FuncDefinition {
  return variadic === undefined ? { params, call } : { params, variadic, call };
}

/** Throws the error a Go function returns; the interpreter prefixes `error calling <name>: `. */
export function fail(message: string): never {
  throw new GoFuncError(message);
}

/** A Go runtime panic inside a function, which text/template reports as an error. */
export function runtimePanic(message: string): never {
  throw new GoFuncError(`runtime error: ${message}`);
}

/** Sprig's strval: strings as is, []byte as text, Stringers by String(), else fmt %v. */
export function strval(v: Value): string {
  if (typeof v === 'string') return v;
  if (v instanceof Uint8Array) return utf8Decode(v);
  if (v instanceof GoObject) {
    const s = v.goString();
    if (s !== undefined) return s;
  }
  return formatValue(v ?? null);
}

/** The map behind a map[string]interface{} argument (plain object or map-kind object). */
export function mapArg(v: Value, what = 'map'): GoMap {
  const m = mapOf(v);
  if (m === undefined) {
    if (v === null || v === undefined) return {};
    fail(`expected ${what}`);
  }
  return m;
}

/** Type name for error messages, like %T. */
export { typeName } from '../lang/value.js';

const int64Min = -(2n ** 63n);
const int64Max = 2n ** 63n - 1n;

/** Go's float64 -> int64 conversion as amd64 does it (out of range and NaN give the minimum). */
export function floatToInt64(f: number): bigint {
  if (!Number.isFinite(f)) return int64Min;
  const t = BigInt(Math.trunc(f));
  if (t < int64Min || t > int64Max) return int64Min;
  return t;
}

/** cast's trimZeroDecimal: "42.00" -> "42". */
function trimZeroDecimal(s: string): string {
  let foundZero = false;
  for (let i = s.length; i > 0; i--) {
    const c = s[i - 1];
    if (c === '.') {
      if (foundZero) return s.slice(0, i - 1);
    } else if (c === '0') foundZero = true;
    else return s;
  }
  return s;
}

/** strconv.ParseInt(s, 0, 64): undefined when Go reports an error. */
export function parseIntBase0(s: string): bigint | undefined {
  const match = /^([+-]?)(0[xX](?:_?[0-9a-fA-F])+|0[bB](?:_?[01])+|0[oO](?:_?[0-7])+|0(?:_?[0-7])*|[1-9](?:_?[0-9])*)$/.exec(s);
  if (match === null) return undefined;
  const body = match[2].replace(/_/g, '');
  let magnitude: bigint;
  if (/^0[xXbBoO]/.test(body)) magnitude = BigInt(body.toLowerCase());
  else if (body.length > 1 && body.startsWith('0')) magnitude = BigInt(`0o${body.slice(1)}`);
  else magnitude = BigInt(body);
  const n = match[1] === '-' ? -magnitude : magnitude;
  return n < int64Min || n > int64Max ? undefined : n;
}

/** strconv.ParseFloat(s, 64): undefined on a syntax error (range errors give ±Inf like Go). */
export function parseGoFloat(s: string): number | undefined {
  const lower = s.toLowerCase();
  const special = /^([+-]?)(inf|infinity|nan)$/.exec(lower);
  if (special !== null) {
    if (special[2] === 'nan') return special[1] === '' ? NaN : undefined;
    return special[1] === '-' ? -Infinity : Infinity;
  }
  if (/^[+-]?0x/i.test(s)) {
    const m = /^([+-]?)0x((?:_?[0-9a-f])*)(?:\.((?:[0-9a-f]_?)*))?p([+-]?\d+)$/i.exec(s);
    if (m === null) return undefined;
    const mantissa = parseInt((m[2] + (m[3] ?? '')).replace(/_/g, '') || '0', 16);
    const exponent = Number(m[4]) - 4 * (m[3] ?? '').replace(/_/g, '').length;
    const v = mantissa * 2 ** exponent;
    return m[1] === '-' ? -v : v;
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return undefined;
  return Number(s);
}

/** spf13/cast ToInt64 (Sprig's toInt64): unconvertible values give 0. */
export function castToInt64(v: Value): bigint {
  if (v === null || v === undefined) return 0n;
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return floatToInt64(v);
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (v instanceof GoNumber) return v.isInteger ? BigInt.asIntN(64, v.value as bigint) : floatToInt64(Number(v.value));
  if (typeof v === 'string') return parseIntBase0(trimZeroDecimal(v)) ?? 0n;
  return 0n;
}

/** spf13/cast ToFloat64: unconvertible values give 0. */
export function castToFloat64(v: Value): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof GoNumber) return Number(v.value);
  if (typeof v === 'string') return parseGoFloat(v) ?? 0;
  return 0;
}

/** A Go int64 result. */
export function int64(n: bigint): GoNumber {
  return new GoNumber('int64', BigInt.asIntN(64, n));
}

/** True for map-like values (plain maps and map-kind objects). */
export function isMapLike(v: Value): boolean {
  return isGoMap(v) || (v instanceof GoObject && v.goKind === 'map');
}

/** The host providers handed to the execution (ctx.host). */
export function hostOf<T>(ctx: CallContext): T {
  return (ctx.host ?? {}) as T;
}

/** Sprig's strslice: a list as strings (nil elements dropped); a scalar as a one-element list; nil as []. */
export function toStrings(v: Value): string[] {
  const elements = sliceElements(v);
  if (elements !== undefined) {
    const out: string[] = [];
    for (const e of elements) if (e !== null && e !== undefined) out.push(strval(e));
    return out;
  }
  if (v === null || v === undefined) return [];
  return [strval(v)];
}
