// Go's fmt package for template values: %v printing (formatValue), Sprint,
// Sprintln and Go string quoting. Sprintf lives in printf.ts (re-exported here).
import { formatFloat, formatFloat64 } from './float-format.js';
import {
  GoNumber, GoObject, isGoFunction, isGoMap, sortedKeys, type GoMap, type Value,
} from './value.js';

export { formatFloat, formatFloat64 };
export { sprintf } from './printf.js';

/** Go's %v of a value, as fmt.Sprint(v) prints it: `map[a:1 b:[x y]]`, `<nil>`, `1e+06`. */
export function formatValue(v: Value): string {
  switch (typeof v) {
    case 'string': return v;
    case 'number': return formatFloat64(v);
    case 'bigint': return v.toString();
    case 'boolean': return v ? 'true' : 'false';
    case 'undefined': return '<nil>';
    default:
      if (v === null) return '<nil>';
      return formatComposite(v, 0);
  }
}

function formatComposite(v: Value, depth: number): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v !== 'object' && typeof v !== 'function') return formatValue(v);
  if (v instanceof GoNumber) return v.isInteger ? v.value.toString() : formatFloat(v.value as number, 'g', -1, 32);
  if (Array.isArray(v)) {
    let out = '[';
    for (let i = 0; i < v.length; i++) {
      if (i > 0) out += ' ';
      out += formatComposite(v[i], depth + 1);
    }
    return out + ']';
  }
  if (v instanceof Uint8Array) return '[' + Array.from(v).join(' ') + ']';
  if (v instanceof GoObject) return formatObject(v, depth, false);
  if (isGoMap(v)) return formatMap(v, depth, false);
  if (isGoFunction(v)) return FAKE_POINTER;
  return String(v);
}

function formatMap(m: GoMap, depth: number, plus: boolean): string {
  let out = 'map[';
  let first = true;
  for (const k of sortedKeys(m)) {
    if (!first) out += ' ';
    first = false;
    out += k + ':' + (plus ? formatPlus(m[k], depth + 1) : formatComposite(m[k], depth + 1));
  }
  return out + ']';
}

function formatObject(o: GoObject, depth: number, plus: boolean): string {
  const s = o.goString();
  if (s !== undefined) return s;
  // Real funcs are JS functions; a func-kind GoObject stands for a nil func.
  if (o.goKind === 'func') return '<nil>';
  const fmtOne = plus ? formatPlus : formatComposite;
  if (o.goKind === 'map') return formatMap(o.goMap() ?? {}, depth, plus);
  if (o.goKind === 'slice' || o.goKind === 'array') {
    return '[' + (o.goSlice() ?? []).map((e) => fmtOne(e, depth + 1)).join(' ') + ']';
  }
  const pointer = o.goType.startsWith('*');
  if (pointer && depth > 0) return FAKE_POINTER;
  const body = o.goFields().map(([k, val]) => (plus ? k + ':' : '') + fmtOne(val, depth + 1)).join(' ');
  return (pointer ? '&{' : '{') + body + '}';
}

function formatPlus(v: Value, depth: number): string {
  if (v instanceof GoObject) return formatObject(v, depth, true);
  if (Array.isArray(v)) return '[' + v.map((e) => formatPlus(e, depth + 1)).join(' ') + ']';
  if (isGoMap(v)) return formatMap(v, depth, true);
  return formatComposite(v, depth);
}

function isStringKind(v: Value): boolean {
  return typeof v === 'string' || (v instanceof GoObject && v.goKind === 'string');
}

/** fmt.Sprint: operands formatted with %v, a space between two operands when neither is a string. */
export function sprint(args: readonly Value[]): string {
  let out = '';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (i > 0 && !isStringKind(a) && !isStringKind(args[i - 1])) out += ' ';
    out += formatValue(a);
  }
  return out;
}

/** fmt.Sprintln: operands with %v, always space-separated, plus a newline. */
export function sprintln(args: readonly Value[]): string {
  let out = '';
  for (let i = 0; i < args.length; i++) {
    if (i > 0) out += ' ';
    out += formatValue(args[i]);
  }
  return out + '\n';
}

/** Go's strconv.Quote: a double-quoted string with Go escapes. */
export function quoteGo(s: string, asciiOnly = false): string {
  let out = '"';
  for (const ch of s) {
    out += quoteRune(ch, '"', asciiOnly);
  }
  return out + '"';
}

const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

function quoteRune(ch: string, quote: string, asciiOnly: boolean): string {
  const c = ch.codePointAt(0) ?? 0;
  if (ch === quote || ch === '\\') return '\\' + ch;
  if (c >= 0x20 && c < 0x7f) return ch;
  if (c < 0x80 || asciiOnly || !printable.test(ch)) {
    switch (c) {
      case 7: return '\\a';
      case 8: return '\\b';
      case 12: return '\\f';
      case 10: return '\\n';
      case 13: return '\\r';
      case 9: return '\\t';
      case 11: return '\\v';
      default:
        if (c < 0x20 || c === 0x7f) return '\\x' + c.toString(16).padStart(2, '0');
        if (c === 0xfffd && ch === '\ufffd') return asciiOnly ? '\\ufffd' : ch;
        if (c < 0x10000) return '\\u' + c.toString(16).padStart(4, '0');
        return '\\U' + c.toString(16).padStart(8, '0');
    }
  }
  return ch;
}

/** Go's %q of a rune: 'a', with invalid code points as U+FFFD. */
export function quoteChar(code: number, asciiOnly: boolean): string {
  if (code < 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) code = 0xfffd;
  return "'" + quoteRune(String.fromCodePoint(code), "'", asciiOnly) + "'";
}

/** Go prints addresses for pointers and funcs; there is no address to show here. */
export const FAKE_POINTER = '0xc000010000';
