// Sprig's list functions (list.go): they reflect over any slice/array, fail
// with Sprig's "Cannot <op> on type <kind>" wording, and return []interface{}.
import {
  kindOf, sliceElements, typeName, withGoType, goTypeTag, type FuncMap, type Value,
} from '../lang/value.js';
import { deepEqual, isEmpty } from './equality.js';
import { castToInt64, define, fail, runtimePanic } from './support.js';

const nilDereference = 'invalid memory address or nil pointer dereference';

/** The elements of a list argument, or Sprig's error for other kinds. */
function listOf(v: Value, message: (kind: string) => string): Value[] {
  if (v === null || v === undefined) runtimePanic(nilDereference);
  const elements = sliceElements(v);
  if (elements === undefined) fail(message(kindOf(v)));
  return elements;
}

function uniq(list: Value[]): Value[] {
  const out: Value[] = [];
  for (const item of list) if (!out.some((o) => deepEqual(o, item))) out.push(item);
  return out;
}

function sliceList(list: Value, indices: Value[]): Value {
  const elements = listOf(list, (k) => `list should be type of slice or array but ${k}`);
  if (elements.length === 0) return null;
  const start = indices.length > 0 ? Number(castToInt64(indices[0])) : 0;
  const end = indices.length >= 2 ? Number(castToInt64(indices[1])) : elements.length;
  if (end < 0 || end > elements.length) runtimePanic(`slice bounds out of range [:${end}] with capacity ${elements.length}`);
  if (start < 0 || start > end) runtimePanic(`slice bounds out of range [${start}:${end}]`);
  const out = elements.slice(start, end);
  const tag = Array.isArray(list) ? goTypeTag(list) : list instanceof Uint8Array ? '[]uint8' : undefined;
  return tag === undefined ? out : withGoType(out, tag);
}

function chunk(size: number, list: Value): Value[][] {
  const elements = listOf(list, (k) => `Cannot chunk type ${k}`);
  if (size <= 0) runtimePanic('integer divide by zero');
  const out: Value[][] = [];
  for (let i = 0; i < elements.length; i += size) out.push(elements.slice(i, i + size));
  return withGoType(out as Value[], '[][]interface {}') as Value[][];
}

function concat(lists: Value[]): Value[] {
  const out: Value[] = [];
  for (const list of lists) {
    const elements = list === null || list === undefined ? undefined : sliceElements(list);
    if (elements === undefined) {
      if (list === null || list === undefined) runtimePanic(nilDereference);
      fail(`Cannot concat type ${kindOf(list)} as list`);
    }
    out.push(...elements);
  }
  return out;
}

/** The list functions, each also under its must* name (both return the same error). */
function listFunctionPairs(): FuncMap {
  const pairs: FuncMap = {
    push: define(['interface {}', 'interface {}'], ([list, v]) => [...listOf(list, (k) => `Cannot push on type ${k}`), v]),
    prepend: define(['interface {}', 'interface {}'], ([list, v]) => [v, ...listOf(list, (k) => `Cannot prepend on type ${k}`)]),
    first: define(['interface {}'], ([list]) => {
      const l = listOf(list, (k) => `Cannot find first on type ${k}`);
      return l.length === 0 ? null : l[0];
    }),
    last: define(['interface {}'], ([list]) => {
      const l = listOf(list, (k) => `Cannot find last on type ${k}`);
      return l.length === 0 ? null : l[l.length - 1];
    }),
    rest: define(['interface {}'], ([list]) => {
      const l = listOf(list, (k) => `Cannot find rest on type ${k}`);
      return l.length === 0 ? null : l.slice(1);
    }),
    initial: define(['interface {}'], ([list]) => {
      const l = listOf(list, (k) => `Cannot find initial on type ${k}`);
      return l.length === 0 ? null : l.slice(0, -1);
    }),
    reverse: define(['interface {}'], ([list]) => [...listOf(list, (k) => `Cannot find reverse on type ${k}`)].reverse()),
    uniq: define(['interface {}'], ([list]) => uniq(listOf(list, (k) => `Cannot find uniq on type ${k}`))),
    without: define(['interface {}'], ([list, ...omit]) => listOf(list, (k) => `Cannot find without on type ${k}`)
      .filter((item) => !omit.some((o) => deepEqual(o, item))), 'interface {}'),
    has: define(['interface {}', 'interface {}'], ([needle, haystack]) => {
      if (haystack === null || haystack === undefined) return false;
      return listOf(haystack, (k) => `Cannot find has on type ${k}`).some((item) => deepEqual(needle, item));
    }),
    slice: define(['interface {}'], ([list, ...indices]) => sliceList(list, indices), 'interface {}'),
    chunk: define(['int', 'interface {}'], ([size, list]) => chunk(Number(size as bigint), list)),
    compact: define(['interface {}'], ([list]) => listOf(list, (k) => `Cannot compact on type ${k}`).filter((item) => !isEmpty(item))),
  };
  const out: FuncMap = { ...pairs, append: pairs.push };
  for (const [name, fn] of Object.entries(pairs)) out[`must${name[0].toUpperCase()}${name.slice(1)}`] = fn;
  out.mustAppend = pairs.push;
  return out;
}

/** Sprig's list functions. */
export const listFunctions: FuncMap = {
  ...listFunctionPairs(),
  list: define([], (args) => [...args], 'interface {}'),
  tuple: define([], (args) => [...args], 'interface {}'),
  concat: define([], (args) => concat(args), 'interface {}'),
};

/** %T-style name used in interface-conversion panics. */
export function conversionPanic(v: Value, want: string): never {
  return fail(`interface conversion: interface {} is ${v === null || v === undefined ? 'nil' : typeName(v)}, not ${want}`);
}
