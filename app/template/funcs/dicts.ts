// Sprig's dict functions (dict.go) and mergo's merge rules as merge and
// mergeOverwrite apply them (maps are mutated in place, like Go maps).
import {
  GoObject, goTypeTag, isGoMap, mapOf, sortedKeys, typeName, withGoType, type FuncMap, type GoMap, type Value,
} from '../lang/value.js';
import { conversionPanic } from './collections.js';
import { isEmpty } from './equality.js';
import { define, fail, strval } from './support.js';

function asMap(v: Value): GoMap | undefined {
  return v === null || v === undefined ? undefined : mapOf(v);
}

function setKey(map: GoMap, key: string, value: Value): void {
  Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
}

/** mergo deepMerge for map[string]interface{} (Merge / MergeWithOverwrite). */
export function mergoMerge(dst: GoMap, src: GoMap, overwrite: boolean, depth = 0): void {
  if (depth > 256) return;
  for (const key of Object.keys(src)) {
    const srcValue = src[key];
    const dstHas = Object.hasOwn(dst, key);
    const dstValue = dstHas ? dst[key] : undefined;
    if (srcValue === null || srcValue === undefined) {
      if (overwrite) setKey(dst, key, null);
      continue;
    }
    const srcMap = asMap(srcValue);
    const dstMap = asMap(dstValue ?? null);
    if (srcMap !== undefined && dstMap !== undefined) mergoMerge(dstMap, srcMap, overwrite, depth + 1);
    const dstNonEmpty = dstHas && !isEmpty(dstValue ?? null);
    if (dstNonEmpty) {
      if (Array.isArray(srcValue)) {
        if (overwrite) setKey(dst, key, srcValue);
        continue;
      }
      if (srcMap !== undefined && dstMap !== undefined) continue;
    }
    if (overwrite || !dstHas || !dstNonEmpty) setKey(dst, key, srcValue);
  }
}

function deepCopy(v: Value, depth = 0): Value {
  if (depth > 10000) fail('deepCopy error: too deep');
  if (Array.isArray(v)) return v.map((x) => deepCopy(x, depth + 1));
  if (v instanceof Uint8Array) return v.slice();
  if (isGoMap(v)) {
    const out: GoMap = {};
    for (const k of Object.keys(v)) setKey(out, k, deepCopy(v[k], depth + 1));
    return out;
  }
  if (v instanceof GoObject && v.goKind === 'map') return deepCopy(v.goMap() ?? {}, depth + 1);
  return v;
}

function dig(args: Value[]): Value {
  if (args.length < 3) fail('dig needs at least three arguments');
  const dict = args[args.length - 1];
  const fallback = args[args.length - 2];
  const keys = args.slice(0, -2).map((k) => (typeof k === 'string' ? k : conversionPanic(k, 'string')));
  if (!isGoMap(dict)) return conversionPanic(dict, 'map[string]interface {}');
  let current: GoMap = dict;
  for (let i = 0; i < keys.length; i++) {
    if (!Object.hasOwn(current, keys[i])) return fallback;
    const step = current[keys[i]];
    if (i === keys.length - 1) return step;
    if (!isGoMap(step)) return conversionPanic(step, 'map[string]interface {}');
    current = step;
  }
  return fallback;
}

// Declared as interface{} and checked here: Go passes a named map type such as
// chartutil.Values (.Values) to a map[string]interface{} parameter, converted.
const mapParam = 'interface {}';

/** The map a map[string]interface{} parameter receives; nil is an empty (nil) map. */
function m(v: Value): GoMap {
  if (v === null || v === undefined) return {};
  const map = mapOf(v);
  if (map === undefined || (isGoMap(v) && goTypeTag(v) !== undefined)) {
    return fail(`wrong type for value; expected map[string]interface {}; got ${typeName(v)}`);
  }
  return map;
}

/** Like m() but keeps nil as undefined (for functions that treat a nil map specially). */
function mOrNil(v: Value): GoMap | undefined {
  return v === null || v === undefined ? undefined : m(v);
}

function mergeAll(args: Value[], overwrite: boolean): Value {
  const dst = mOrNil(args[0]) ?? {};
  for (const src of args.slice(1)) {
    const srcMap = mOrNil(src);
    if (srcMap !== undefined) mergoMerge(dst, srcMap, overwrite);
  }
  return dst;
}

/** Sprig's dict functions. */
export const dictFunctions: FuncMap = {
  dict: define([], (args) => {
    const out: GoMap = {};
    for (let i = 0; i < args.length; i += 2) setKey(out, strval(args[i]), i + 1 < args.length ? args[i + 1] : '');
    return out;
  }, 'interface {}'),
  get: define([mapParam, 'string'], ([d, key]) => {
    const map = m(d);
    return Object.hasOwn(map, key as string) ? map[key as string] : '';
  }),
  set: define([mapParam, 'string', 'interface {}'], ([d, key, value]) => {
    const map = mOrNil(d);
    if (map === undefined) return fail('assignment to entry in nil map');
    setKey(map, key as string, value);
    return map;
  }),
  unset: define([mapParam, 'string'], ([d, key]) => {
    const map = mOrNil(d);
    if (map === undefined) return null;
    delete map[key as string];
    return map;
  }),
  hasKey: define([mapParam, 'string'], ([d, key]) => Object.hasOwn(m(d), key as string)),
  pluck: define(['string'], ([key, ...dicts]) => dicts.map(m).filter((d) => Object.hasOwn(d, key as string)).map((d) => d[key as string]), mapParam),
  keys: define([], (dicts) => withGoType(dicts.flatMap((d) => sortedKeys(m(d))), '[]string'), mapParam),
  values: define([mapParam], ([d]) => sortedKeys(m(d)).map((k) => m(d)[k])),
  pick: define([mapParam], ([d, ...keys]) => {
    const out: GoMap = {};
    const map = m(d);
    for (const k of keys) if (Object.hasOwn(map, k as string)) setKey(out, k as string, map[k as string]);
    return out;
  }, 'string'),
  omit: define([mapParam], ([d, ...keys]) => {
    const out: GoMap = {};
    const map = m(d);
    const drop = new Set(keys as string[]);
    for (const k of Object.keys(map)) if (!drop.has(k)) setKey(out, k, map[k]);
    return out;
  }, 'string'),
  merge: define([mapParam], (args) => mergeAll(args, false), mapParam),
  mustMerge: define([mapParam], (args) => mergeAll(args, false), mapParam),
  mergeOverwrite: define([mapParam], (args) => mergeAll(args, true), mapParam),
  mustMergeOverwrite: define([mapParam], (args) => mergeAll(args, true), mapParam),
  dig: define([], (args) => dig(args), 'interface {}'),
  deepCopy: define(['interface {}'], ([v]) => deepCopy(v)),
  mustDeepCopy: define(['interface {}'], ([v]) => deepCopy(v)),
};
