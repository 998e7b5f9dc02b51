// text/template's builtin functions (funcs.go) over the value model. Builtins
// with reflect.Value parameters receive raw values: `undefined` (invalid) and
// `null` (nil interface) stay distinct because Go's errors differ for them.
import { formatValue, sprint, sprintf, sprintln } from './format.js';
import {
  GoFuncError, GoNumber, GoObject, compareGoStrings, funcCallable, goTypeTag, isGoFunction, isGoMap, isTruthy,
  typeName, withGoType, type CallContext, type FuncDefinition, type GoMap, type TemplateFunc, type Value,
} from './value.js';

export type BuiltinName =
  | 'and' | 'call' | 'html' | 'index' | 'slice' | 'js' | 'len' | 'not' | 'or' | 'print' | 'printf' | 'println'
  | 'urlquery' | 'eq' | 'ge' | 'gt' | 'le' | 'lt' | 'ne';

/** Names of Go's builtin template functions. */
export const builtinNames: ReadonlySet<string> = new Set<BuiltinName>([
  'and', 'call', 'html', 'index', 'slice', 'js', 'len', 'not', 'or', 'print', 'printf', 'println', 'urlquery',
  'eq', 'ge', 'gt', 'le', 'lt', 'ne',
]);

/** and/or evaluate their operands lazily in the interpreter. */
export function isLazyBuiltin(name: BuiltinName): name is 'and' | 'or' {
  return name === 'and' || name === 'or';
}

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();

function fail(message: string): never {
  throw new GoFuncError(message);
}

/** Go's indirectInterface: a nil interface becomes invalid. */
function deiface(v: Value): Value {
  return v === null ? undefined : v;
}

/** Runs a builtin (not and/or) on evaluated arguments. */
export function callBuiltin(name: BuiltinName, args: Value[], ctx: CallContext): Value {
  switch (name) {
    case 'print': return sprint(args);
    case 'printf': return sprintf(args[0] as string, args.slice(1));
    case 'println': return sprintln(args);
    case 'html': return htmlEscape(evalArgs(args));
    case 'js': return jsEscape(evalArgs(args));
    case 'urlquery': return queryEscape(evalArgs(args));
    case 'not': return !isTruthy(args[0]);
    case 'len': return length(args[0]);
    case 'index': return index(args[0], args.slice(1));
    case 'slice': return slice(args[0], args.slice(1));
    case 'eq': return eq(args[0], args.slice(1));
    case 'ne': return !eq(args[0], [args[1]]);
    case 'lt': return lt(args[0], args[1]);
    case 'le': return le(args[0], args[1]);
    case 'gt': return !le(args[0], args[1]);
    case 'ge': return !lt(args[0], args[1]);
    case 'call': return call(args[0], args.slice(1), ctx);
    default: return fail(`unknown builtin ${name}`);
  }
}

function evalArgs(args: Value[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  // Go's evalArgs turns nil operands into "<no value>" (printableValue) before Sprint.
  return sprint(args.map((a) => (a === null || a === undefined ? '<no value>' : a)));
}

/** Go's template.HTMLEscapeString. */
export function htmlEscape(s: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    let rep: string;
    switch (s.charCodeAt(i)) {
      case 0: rep = '\uFFFD'; break;
      case 34: rep = '&#34;'; break;
      case 39: rep = '&#39;'; break;
      case 38: rep = '&amp;'; break;
      case 60: rep = '&lt;'; break;
      case 62: rep = '&gt;'; break;
      default: continue;
    }
    out += s.slice(last, i) + rep;
    last = i + 1;
  }
  return last === 0 ? s : out + s.slice(last);
}

const printableRe = /^[\p{L}\p{M}\p{N}\p{P}\p{S}\u0020]$/u;

/** Go's template.JSEscapeString. */
export function jsEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    switch (ch) {
      case '\\': out += '\\\\'; continue;
      case "'": out += "\\'"; continue;
      case '"': out += '\\"'; continue;
      case '<': out += '\\u003C'; continue;
      case '>': out += '\\u003E'; continue;
      case '&': out += '\\u0026'; continue;
      case '=': out += '\\u003D'; continue;
      default: break;
    }
    if (c < 0x20) {
      out += '\\u00' + c.toString(16).toUpperCase().padStart(2, '0');
    } else if (c < 0x80) {
      out += ch;
    } else if (printableRe.test(ch)) {
      out += ch;
    } else {
      out += '\\u' + c.toString(16).toUpperCase().padStart(4, '0');
    }
  }
  return out;
}

/** Go's url.QueryEscape. */
export function queryEscape(s: string): string {
  let out = '';
  for (const b of utf8.encode(s)) {
    if ((b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x2d || b === 0x5f || b === 0x2e || b === 0x7e) {
      out += String.fromCharCode(b);
    } else if (b === 0x20) {
      out += '+';
    } else {
      out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
    }
  }
  return out;
}

function length(item: Value): Value {
  if (item === undefined) fail('reflect: call of reflect.Value.Type on zero Value');
  if (item === null) fail('len of nil pointer');
  if (typeof item === 'string') return BigInt(utf8ByteLength(item));
  if (item instanceof GoObject && item.goKind === 'string') return BigInt(utf8ByteLength(item.goString() ?? ''));
  if (Array.isArray(item) || item instanceof Uint8Array) return BigInt(item.length);
  if (item instanceof GoObject) {
    if (item.goKind === 'map') return BigInt(Object.keys(item.goMap() ?? {}).length);
    if (item.goKind === 'slice' || item.goKind === 'array') return BigInt((item.goSlice() ?? []).length);
  } else if (isGoMap(item)) {
    return BigInt(Object.keys(item).length);
  }
  return fail(`len of type ${typeName(item)}`);
}

/** Bytes a string takes in UTF-8 (Go's len). */
export function utf8ByteLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) {
      if (c < 0x800) n += 1;
      else if (c >= 0xd800 && c <= 0xdbff) { n += 1; i++; n += 0; }
      else n += 2;
    }
  }
  return n;
}

function indexArg(index: Value, cap: number): number {
  let x: bigint;
  if (typeof index === 'bigint') x = index;
  else if (index instanceof GoNumber && index.isInteger) x = index.value as bigint;
  else if (index === undefined || index === null) return fail('cannot index slice/array with nil');
  else return fail(`cannot index slice/array with type ${typeName(index)}`);
  if (x < 0n || x > BigInt(cap)) fail(`index out of range: ${x}`);
  return Number(x);
}

function index(item: Value, indexes: Value[]): Value {
  item = deiface(item);
  if (item === undefined) fail('index of untyped nil');
  for (let raw of indexes) {
    raw = deiface(raw);
    if (item === null) fail('index of nil pointer');
    if (item instanceof GoObject && item.goKind === 'string') item = item.goString() ?? '';
    if (typeof item === 'string') {
      const bytes = utf8.encode(item);
      const x = indexArg(raw, bytes.length);
      if (x >= bytes.length) fail('reflect: string index out of range');
      item = new GoNumber('uint8', BigInt(bytes[x]));
    } else if (Array.isArray(item) || item instanceof Uint8Array || (item instanceof GoObject && (item.goKind === 'slice' || item.goKind === 'array'))) {
      const elems: Value[] | Uint8Array = item instanceof GoObject ? item.goSlice() ?? [] : item;
      const x = indexArg(raw, elems.length);
      if (x >= elems.length) fail('reflect: slice index out of range');
      const e: Value | number = elems[x];
      item = elems instanceof Uint8Array ? new GoNumber('uint8', BigInt(e as number)) : (e === undefined ? null : e as Value);
    } else if (isGoMap(item) || (item instanceof GoObject && item.goKind === 'map')) {
      const m = (item instanceof GoObject ? item.goMap() ?? {} : item) as GoMap;
      if (raw === undefined) fail('value is nil; should be of type string');
      if (typeof raw !== 'string') fail(`value has type ${typeName(raw)}; should be string`);
      item = Object.hasOwn(m, raw) ? (m[raw] === undefined ? null : m[raw]) : zeroOfMapElem(item);
    } else {
      fail(`can't index item of type ${typeName(item)}`);
    }
  }
  return item;
}

function zeroOfMapElem(m: Value): Value {
  const tag = m !== null && typeof m === 'object' && !(m instanceof GoObject) ? goTypeTag(m) : undefined;
  if (tag === 'map[string]string') return '';
  return null;
}

function slice(item: Value, indexes: Value[]): Value {
  item = deiface(item);
  if (item === undefined) fail('slice of untyped nil');
  if (indexes.length > 3) fail(`too many slice indexes: ${indexes.length}`);
  let len: number;
  let bytes: Uint8Array | undefined;
  let named: GoObject | undefined;
  if (item instanceof GoObject && item.goKind === 'string') {
    named = item;
    item = item.goString() ?? '';
  }
  if (typeof item === 'string') {
    if (indexes.length === 3) fail('cannot 3-index slice a string');
    bytes = utf8.encode(item);
    len = bytes.length;
  } else if (Array.isArray(item) || item instanceof Uint8Array) {
    len = item.length;
  } else {
    return fail(`can't slice item of type ${typeName(item)}`);
  }
  const idx = [0, len, len];
  for (let i = 0; i < indexes.length; i++) idx[i] = indexArg(deiface(indexes[i]), len);
  if (idx[0] > idx[1]) fail(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1] > idx[2]) fail(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  if (bytes !== undefined) {
    const text = utf8Decoder.decode(bytes.subarray(idx[0], idx[1]));
    return named === undefined ? text : named.goWithString(text);
  }
  if (item instanceof Uint8Array) return item.slice(idx[0], idx[1]);
  const arr = item as Value[];
  const out = arr.slice(idx[0], idx[1]);
  const tag = goTypeTag(arr);
  return tag === undefined ? out : withGoType(out, tag);
}

const enum Kind { Invalid, Bool, Complex, Int, Float, String, Uint }

function basicKind(v: Value): Kind {
  switch (typeof v) {
    case 'boolean': return Kind.Bool;
    case 'string': return Kind.String;
    case 'number': return Kind.Float;
    case 'bigint': return Kind.Int;
    default:
      if (v instanceof GoNumber) return v.type === 'float32' ? Kind.Float : v.isUnsigned ? Kind.Uint : Kind.Int;
      if (v instanceof GoObject && v.goKind === 'complex128') return Kind.Complex;
      if (v instanceof GoObject && v.goKind === 'string') return Kind.String;
      return Kind.Invalid;
  }
}

/** The string of a string-kind value (string or a named string type such as json.Number). */
function str(v: Value): string {
  return typeof v === 'string' ? v : v instanceof GoObject ? v.goString() ?? '' : '';
}

function num(v: Value): bigint | number {
  if (typeof v === 'bigint' || typeof v === 'number') return v;
  if (v instanceof GoNumber) return v.value;
  return 0;
}

function incompatible(a: Value, b: Value): never {
  return fail(`incompatible types for comparison: ${typeName(a)} and ${typeName(b)}`);
}

function eq(arg1: Value, rest: Value[]): boolean {
  arg1 = deiface(arg1);
  if (rest.length === 0) fail('missing argument for comparison');
  const k1 = basicKind(arg1);
  for (let arg of rest) {
    arg = deiface(arg);
    const k2 = basicKind(arg);
    let truth = false;
    if (k1 !== k2) {
      if (k1 === Kind.Int && k2 === Kind.Uint) truth = (num(arg1) as bigint) >= 0n && num(arg1) === num(arg);
      else if (k1 === Kind.Uint && k2 === Kind.Int) truth = (num(arg) as bigint) >= 0n && num(arg1) === num(arg);
      else if (arg1 !== undefined && arg !== undefined) incompatible(arg1, arg);
    } else {
      switch (k1) {
        case Kind.Bool: truth = arg1 === arg; break;
        case Kind.String: truth = str(arg1) === str(arg); break;
        case Kind.Int: case Kind.Uint: case Kind.Float: truth = num(arg1) === num(arg); break;
        case Kind.Complex: {
          const a = arg1 as unknown as { re: number; im: number };
          const b = arg as unknown as { re: number; im: number };
          truth = a.re === b.re && a.im === b.im;
          break;
        }
        default:
          truth = eqComposite(arg1, arg);
      }
    }
    if (truth) return true;
  }
  return false;
}

function eqComposite(a: Value, b: Value): boolean {
  const ka = compositeKind(a);
  const kb = compositeKind(b);
  if (ka !== kb && a !== undefined && b !== undefined) {
    fail(`non-comparable types ${sprintf('%s', [a])}: ${typeName(a)}, ${typeName(b)}: ${formatValue(b)}`);
  }
  if (a === undefined || b === undefined) return (a === undefined) === (b === undefined);
  if (ka === 'map' || ka === 'slice' || ka === 'func') fail(`non-comparable type ${sprintf('%s', [b])}: ${typeName(b)}`);
  if (a instanceof GoObject && b instanceof GoObject) {
    if (a.goType !== b.goType) return false;
    if (a.goType.startsWith('*')) return a === b;
    return JSON.stringify(a.goFields().map(([, v]) => formatValue(v))) === JSON.stringify(b.goFields().map(([, v]) => formatValue(v)));
  }
  return a === b;
}

function compositeKind(v: Value): string {
  if (v === undefined || v === null) return 'invalid';
  if (Array.isArray(v) || v instanceof Uint8Array) return 'slice';
  if (isGoMap(v)) return 'map';
  if (v instanceof GoObject) return v.goKind;
  if (isGoFunction(v)) return 'func';
  return typeof v;
}

function lt(arg1: Value, arg2: Value): boolean {
  arg1 = deiface(arg1);
  const k1 = basicKind(arg1);
  if (k1 === Kind.Invalid) fail('invalid type for comparison');
  arg2 = deiface(arg2);
  const k2 = basicKind(arg2);
  if (k2 === Kind.Invalid) fail('invalid type for comparison');
  if (k1 !== k2) {
    if (k1 === Kind.Int && k2 === Kind.Uint) return (num(arg1) as bigint) < 0n || num(arg1) < num(arg2);
    if (k1 === Kind.Uint && k2 === Kind.Int) return (num(arg2) as bigint) >= 0n && num(arg1) < num(arg2);
    return incompatible(arg1, arg2);
  }
  switch (k1) {
    case Kind.Bool: case Kind.Complex: return fail('invalid type for comparison');
    case Kind.String: return compareGoStrings(str(arg1), str(arg2)) < 0;
    default: return num(arg1) < num(arg2);
  }
}

function le(arg1: Value, arg2: Value): boolean {
  if (lt(arg1, arg2)) return true;
  return eq(arg1, [arg2]);
}

function call(fn: Value, args: Value[], ctx: CallContext): Value {
  fn = deiface(fn);
  if (fn === undefined) fail('call of nil');
  if (!isGoFunction(fn)) fail(`non-function of type ${typeName(fn)}`);
  const sig = fn as FuncDefinition;
  if (sig.params !== undefined) {
    const numIn = sig.params.length;
    if (sig.variadic !== undefined) {
      if (args.length < numIn) fail(`wrong number of args: got ${args.length} want at least ${numIn}`);
    } else if (args.length !== numIn) {
      fail(`wrong number of args: got ${args.length} want ${numIn}`);
    }
  }
  const argv = args.map((a, i) => {
    const v = deiface(a);
    const t = sig.params && i < sig.params.length ? sig.params[i] : sig.variadic ?? 'interface {}';
    if (v === undefined) {
      if (t !== 'interface {}' && !t.startsWith('[]') && !t.startsWith('map[') && !t.startsWith('*')) fail(`arg ${i}: value is nil; should be of type ${t}`);
      return null;
    }
    if (t !== 'interface {}' && typeName(v) !== t) fail(`arg ${i}: value has type ${typeName(v)}; should be ${t}`);
    return v;
  });
  const r = funcCallable(fn as TemplateFunc | FuncDefinition)(argv, ctx);
  return r === undefined ? null : r;
}
