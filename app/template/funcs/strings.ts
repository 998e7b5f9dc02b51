// Sprig's string functions (strings.go, functions.go) with Go's byte-based
// slicing for trunc/substr and goutils/xstrings helpers for case handling.
import { quoteGo, formatValue } from '../lang/format.js';
import { compareGoStrings, sliceElements, withGoType, type FuncMap, type Value } from '../lang/value.js';
import { utf8Decode, utf8Encode } from './encoding-base.js';
import { randomFrom, randomInt } from './random.js';
import { define, fail, runtimePanic, strval, toStrings } from './support.js';
import {
  abbreviateFull, camelToLower, deleteWhiteSpace, goLower, goTitle, goUpper, initials, swapCase, toCamelCase, uncapitalize, wrapCustom,
} from './text-case.js';

const isAscii = (s: string): boolean => !/[^\x00-\x7f]/.test(s);

/** Go's s[start:end] on the UTF-8 bytes of s. */
function byteSlice(s: string, start: number, end?: number): string {
  if (isAscii(s)) return s.slice(start, end);
  return utf8Decode(utf8Encode(s).subarray(start, end));
}

function byteLength(s: string): number {
  return isAscii(s) ? s.length : utf8Encode(s).length;
}

function checkSliceBounds(low: number, high: number, length: number): void {
  if (high < 0 || high > length) runtimePanic(`slice bounds out of range [:${high}] with length ${length}`);
  if (low < 0 || low > high) runtimePanic(`slice bounds out of range [${low}:${high}]`);
}

const num = (v: Value): number => Number(v as bigint);

const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const digits = '0123456789';
let asciiPrintable = '';
for (let c = 32; c <= 126; c++) asciiPrintable += String.fromCharCode(c);

function goReplaceAll(s: string, old: string, replacement: string): string {
  if (old === '') {
    const chars = Array.from(s);
    return replacement + chars.map((c) => c + replacement).join('');
  }
  return s.split(old).join(replacement);
}

function goTrim(s: string, cutset: string): string {
  const set = new Set(Array.from(cutset));
  const chars = Array.from(s);
  let start = 0;
  let end = chars.length;
  while (start < end && set.has(chars[start])) start++;
  while (end > start && set.has(chars[end - 1])) end--;
  return chars.slice(start, end).join('');
}

/** strings.TrimSpace. */
export function trimSpace(s: string): string {
  return s.replace(/^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g, '');
}

function indent(spaces: number, v: string): string {
  if (spaces < 0) fail('strings: negative Repeat count');
  const pad = ' '.repeat(spaces);
  return pad + v.split('\n').join('\n' + pad);
}

function shuffle(ctx: Parameters<typeof randomInt>[0], s: string): string {
  const runes = Array.from(s);
  for (let i = runes.length - 1; i > 0; i--) {
    const j = randomInt(ctx, i + 1);
    [runes[i], runes[j]] = [runes[j], runes[i]];
  }
  return runes.join('');
}

/** Sprig's string functions. */
export const stringFunctions: FuncMap = {
  abbrev: define(['int', 'string'], ([width, s]) => (num(width) < 4 ? s : abbreviateFull(s as string, 0, num(width)))),
  abbrevboth: define(['int', 'int', 'string'], ([left, right, s]) => {
    const l = num(left);
    const r = num(right);
    if (r < 4 || (l > 0 && r < 7)) return s;
    return abbreviateFull(s as string, l, r);
  }),
  trunc: define(['int', 'string'], ([count, str]) => {
    const c = num(count);
    const s = str as string;
    const length = byteLength(s);
    if (c < 0 && length + c > 0) return byteSlice(s, length + c);
    if (c >= 0 && length > c) return byteSlice(s, 0, c);
    return s;
  }),
  trim: define(['string'], ([s]) => trimSpace(s as string)),
  upper: define(['string'], ([s]) => goUpper(s as string)),
  lower: define(['string'], ([s]) => goLower(s as string)),
  title: define(['string'], ([s]) => goTitle(s as string)),
  untitle: define(['string'], ([s]) => uncapitalize(s as string)),
  substr: define(['int', 'int', 'string'], ([startArg, endArg, str]) => {
    const s = str as string;
    const start = num(startArg);
    const end = num(endArg);
    const length = byteLength(s);
    if (start < 0) {
      checkSliceBounds(0, end, length);
      return byteSlice(s, 0, end);
    }
    if (end < 0 || end > length) {
      checkSliceBounds(start, length, length);
      return byteSlice(s, start);
    }
    checkSliceBounds(start, end, length);
    return byteSlice(s, start, end);
  }),
  repeat: define(['int', 'string'], ([count, str]) => {
    const c = num(count);
    if (c < 0) fail('strings: negative Repeat count');
    return (str as string).repeat(c);
  }),
  trimall: define(['string', 'string'], ([cutset, s]) => goTrim(s as string, cutset as string)),
  trimAll: define(['string', 'string'], ([cutset, s]) => goTrim(s as string, cutset as string)),
  trimSuffix: define(['string', 'string'], ([suffix, s]) => {
    const str = s as string;
    return suffix !== '' && str.endsWith(suffix as string) ? str.slice(0, str.length - (suffix as string).length) : str;
  }),
  trimPrefix: define(['string', 'string'], ([prefix, s]) => {
    const str = s as string;
    return str.startsWith(prefix as string) ? str.slice((prefix as string).length) : str;
  }),
  nospace: define(['string'], ([s]) => deleteWhiteSpace(s as string)),
  initials: define(['string'], ([s]) => initials(s as string)),
  randAlphaNum: define(['int'], ([n], ctx) => randomFrom(ctx, letters + digits, Math.max(num(n), 0))),
  randAlpha: define(['int'], ([n], ctx) => randomFrom(ctx, letters, Math.max(num(n), 0))),
  randAscii: define(['int'], ([n], ctx) => randomFrom(ctx, asciiPrintable, Math.max(num(n), 0))),
  randNumeric: define(['int'], ([n], ctx) => randomFrom(ctx, digits, Math.max(num(n), 0))),
  swapcase: define(['string'], ([s]) => swapCase(s as string)),
  shuffle: define(['string'], ([s], ctx) => shuffle(ctx, s as string)),
  snakecase: define(['string'], ([s]) => camelToLower(s as string, '_')),
  camelcase: define(['string'], ([s]) => toCamelCase(s as string)),
  kebabcase: define(['string'], ([s]) => camelToLower(s as string, '-')),
  wrap: define(['int', 'string'], ([l, s]) => wrapCustom(s as string, num(l), '', false)),
  wrapWith: define(['int', 'string', 'string'], ([l, sep, s]) => wrapCustom(s as string, num(l), sep as string, true)),
  contains: define(['string', 'string'], ([sub, s]) => (s as string).includes(sub as string)),
  hasPrefix: define(['string', 'string'], ([p, s]) => (s as string).startsWith(p as string)),
  hasSuffix: define(['string', 'string'], ([p, s]) => (s as string).endsWith(p as string)),
  quote: define([], (args) => args.filter((a) => a !== null && a !== undefined).map((a) => quoteGo(strval(a))).join(' '), 'interface {}'),
  squote: define([], (args) => args.filter((a) => a !== null && a !== undefined).map((a) => `'${formatValue(a)}'`).join(' '), 'interface {}'),
  cat: define([], (args) => args.filter((a) => a !== null && a !== undefined).map((a) => formatValue(a)).join(' '), 'interface {}'),
  indent: define(['int', 'string'], ([n, s]) => indent(num(n), s as string)),
  nindent: define(['int', 'string'], ([n, s]) => '\n' + indent(num(n), s as string)),
  replace: define(['string', 'string', 'string'], ([old, replacement, s]) => goReplaceAll(s as string, old as string, replacement as string)),
  plural: define(['string', 'string', 'int'], ([one, many, count]) => (num(count) === 1 ? one : many)),
  toString: define(['interface {}'], ([v]) => strval(v)),
  toStrings: define(['interface {}'], ([v]) => withGoType(toStrings(v), '[]string')),
  split: define(['string', 'string'], ([sep, orig]) => {
    const parts = goSplit(orig as string, sep as string, -1);
    const out: Record<string, Value> = {};
    parts.forEach((p, i) => { out[`_${i}`] = p; });
    return withGoType(out, 'map[string]string');
  }),
  splitList: define(['string', 'string'], ([sep, orig]) => withGoType(goSplit(orig as string, sep as string, -1), '[]string')),
  splitn: define(['string', 'int', 'string'], ([sep, n, orig]) => {
    const parts = goSplit(orig as string, sep as string, num(n));
    const out: Record<string, Value> = {};
    parts.forEach((p, i) => { out[`_${i}`] = p; });
    return withGoType(out, 'map[string]string');
  }),
  join: define(['string', 'interface {}'], ([sep, v]) => toStrings(v).join(sep as string)),
  sortAlpha: define(['interface {}'], ([v]) => withGoType(sortAlpha(v), '[]string')),
  hello: define([], () => 'Hello!'),
};

/** strings.SplitN semantics (n < 0: all). */
export function goSplit(s: string, sep: string, n: number): string[] {
  if (n === 0) return [];
  if (sep === '') {
    const chars = Array.from(s);
    if (n < 0 || n >= chars.length) return chars;
    return [...chars.slice(0, n - 1), chars.slice(n - 1).join('')];
  }
  const parts = s.split(sep);
  if (n < 0 || parts.length <= n) return parts;
  return [...parts.slice(0, n - 1), parts.slice(n - 1).join(sep)];
}

/** Sprig sortAlpha: strslice then sort.Strings (byte order); non-lists give a one-element list. */
function sortAlpha(v: Value): string[] {
  if (sliceElements(v) === undefined) return [strval(v)];
  return toStrings(v).sort(compareGoStrings);
}

/** Sprig's randInt(min, max): min + rand.Intn(max-min). */
export function randInt(ctx: Parameters<typeof randomInt>[0], min: number, max: number): bigint {
  if (max - min <= 0) runtimePanic('invalid argument to Intn');
  return BigInt(min + randomInt(ctx, max - min));
}
