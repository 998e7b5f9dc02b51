// Sprig's integer math (int64 results through spf13/cast), float math
// (shopspring/decimal for addf/subf/mulf/divf), casts and number sequences.
import { GoNumber, withGoType, type CallContext, type FuncMap, type Value } from '../lang/value.js';
import {
  decimalAdd, decimalDiv, decimalFromFloat, decimalMul, decimalSub, decimalToFloat, type Decimal,
} from './decimal.js';
import { randInt } from './strings.js';
import { castToFloat64, castToInt64, define, fail, int64, runtimePanic, strval } from './support.js';

function decimalOp(first: Value, rest: Value[], op: (a: Decimal, b: Decimal) => Decimal): number {
  try {
    let acc = decimalFromFloat(castToFloat64(first));
    for (const x of rest) acc = op(acc, decimalFromFloat(castToFloat64(x)));
    return decimalToFloat(acc);
  } catch (error) {
    return fail((error as Error).message);
  }
}

function goIntDiv(a: bigint, b: bigint, op: 'div' | 'mod'): bigint {
  if (b === 0n) runtimePanic('integer divide by zero');
  return op === 'div' ? a / b : a % b;
}

/** untilStep as Sprig implements it. */
export function untilStep(start: bigint, stop: bigint, step: bigint): bigint[] {
  const out: bigint[] = [];
  if (stop < start) {
    if (step >= 0n) return out;
    for (let i = start; i > stop; i += step) out.push(i);
    return out;
  }
  if (step <= 0n) return out;
  for (let i = start; i < stop; i += step) out.push(i);
  return out;
}

function seq(params: bigint[]): string {
  let list: bigint[];
  if (params.length === 1) {
    const end = params[0];
    const increment = end < 1n ? -1n : 1n;
    list = untilStep(1n, end + increment, increment);
  } else if (params.length === 2) {
    const [start, end] = params;
    const step = end < start ? -1n : 1n;
    list = untilStep(start, end + step, step);
  } else if (params.length === 3) {
    const [start, step, end] = params;
    let increment = 1n;
    if (end < start) {
      increment = -1n;
      if (step > 0n) return '';
    }
    list = untilStep(start, end + increment, step);
  } else return '';
  return list.join(' ');
}

const asInt = (v: Value): bigint => v as bigint;

/** Go's round-trip of float64 to int64 for toDecimal: strconv.ParseInt(fmt.Sprint(v), 8, 64). */
function toDecimal(v: Value): GoNumber {
  const text = strval(v);
  if (!/^[+-]?[0-7]+$/.test(text)) return int64(0n);
  const n = BigInt((text.startsWith('-') ? '-' : '') + '0o' + text.replace(/^[+-]/, ''));
  if (n < -(2n ** 63n) || n >= 2n ** 63n) return int64(0n);
  return int64(n);
}

function atoi(s: string): bigint {
  if (!/^[+-]?[0-9]+$/.test(s)) return 0n;
  const n = BigInt(s);
  return n < -(2n ** 63n) || n >= 2n ** 63n ? 0n : n;
}

function roundTo(value: Value, places: bigint, options: Value[]): number {
  const roundOn = options.length > 0 ? castToFloat64(options[0]) : 0.5;
  const val = castToFloat64(value);
  const pow = 10 ** Number(places);
  const digit = pow * val;
  const fraction = digit - Math.trunc(digit);
  const rounded = fraction >= roundOn ? Math.ceil(digit) : Math.floor(digit);
  return rounded / pow;
}

/** Sprig's math and cast functions. */
export const mathFunctions: FuncMap = {
  add1: define(['interface {}'], ([i]) => int64(castToInt64(i) + 1n)),
  add: define([], (args) => int64(args.reduce<bigint>((a, b) => BigInt.asIntN(64, a + castToInt64(b)), 0n)), 'interface {}'),
  sub: define(['interface {}', 'interface {}'], ([a, b]) => int64(castToInt64(a) - castToInt64(b))),
  div: define(['interface {}', 'interface {}'], ([a, b]) => int64(goIntDiv(castToInt64(a), castToInt64(b), 'div'))),
  mod: define(['interface {}', 'interface {}'], ([a, b]) => int64(goIntDiv(castToInt64(a), castToInt64(b), 'mod'))),
  mul: define(['interface {}'], ([a, ...rest]) => int64(rest.reduce<bigint>((acc, b) => BigInt.asIntN(64, acc * castToInt64(b)), castToInt64(a))), 'interface {}'),
  randInt: define(['int', 'int'], ([min, max], ctx: CallContext) => randInt(ctx, Number(asInt(min)), Number(asInt(max)))),
  add1f: define(['interface {}'], ([i]) => decimalOp(i, [1n], decimalAdd)),
  addf: define([], (args) => decimalOp(0, args, decimalAdd), 'interface {}'),
  subf: define(['interface {}'], ([a, ...rest]) => decimalOp(a, rest, decimalSub), 'interface {}'),
  divf: define(['interface {}'], ([a, ...rest]) => decimalOp(a, rest, decimalDiv), 'interface {}'),
  mulf: define(['interface {}'], ([a, ...rest]) => decimalOp(a, rest, decimalMul), 'interface {}'),
  biggest: define(['interface {}'], ([a, ...rest]) => int64(rest.reduce<bigint>((m, b) => { const v = castToInt64(b); return v > m ? v : m; }, castToInt64(a))), 'interface {}'),
  max: define(['interface {}'], ([a, ...rest]) => int64(rest.reduce<bigint>((m, b) => { const v = castToInt64(b); return v > m ? v : m; }, castToInt64(a))), 'interface {}'),
  min: define(['interface {}'], ([a, ...rest]) => int64(rest.reduce<bigint>((m, b) => { const v = castToInt64(b); return v < m ? v : m; }, castToInt64(a))), 'interface {}'),
  maxf: define(['interface {}'], ([a, ...rest]) => rest.reduce<number>((m, b) => Math.max(m, castToFloat64(b)), castToFloat64(a)), 'interface {}'),
  minf: define(['interface {}'], ([a, ...rest]) => rest.reduce<number>((m, b) => Math.min(m, castToFloat64(b)), castToFloat64(a)), 'interface {}'),
  ceil: define(['interface {}'], ([a]) => Math.ceil(castToFloat64(a))),
  floor: define(['interface {}'], ([a]) => Math.floor(castToFloat64(a))),
  round: define(['interface {}', 'int'], ([a, p, ...rest]) => roundTo(a, asInt(p), rest), 'float64'),
  int64: define(['interface {}'], ([v]) => int64(castToInt64(v))),
  int: define(['interface {}'], ([v]) => castToInt64(v)),
  float64: define(['interface {}'], ([v]) => castToFloat64(v)),
  toDecimal: define(['interface {}'], ([v]) => toDecimal(v)),
  atoi: define(['string'], ([s]) => atoi(s as string)),
  seq: define([], (args) => seq(args.map(asInt)), 'int'),
  until: define(['int'], ([count]) => {
    const c = asInt(count);
    return withGoType(untilStep(0n, c, c < 0n ? -1n : 1n), '[]int');
  }),
  untilStep: define(['int', 'int', 'int'], ([start, stop, step]) => withGoType(untilStep(asInt(start), asInt(stop), asInt(step)), '[]int')),
};
