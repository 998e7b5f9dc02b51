// fmt.Sprintf for template values: verbs, flags, width, precision, argument
// indexes and Go's %!verb(type=value) error forms.
import { formatFloat, formatFloat64 } from './float-format.js';
import { FAKE_POINTER, formatValue, quoteChar, quoteGo } from './format.js';
import { GoNumber, GoObject, isGoMap, sortedKeys, typeName, type GoMap, type Value } from './value.js';

interface Spec {
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  width: number;
  prec: number;
  verb: string;
  plusV: boolean;
  sharpV: boolean;
}

function runeLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

function pad(s: string, spec: Spec, zeroAllowed = true): string {
  if (spec.width < 0) return s;
  const n = spec.width - runeLength(s);
  if (n <= 0) return s;
  if (spec.minus) return s + ' '.repeat(n);
  if (spec.zero && zeroAllowed) {
    const sign = s[0] === '-' || s[0] === '+' || s[0] === ' ' ? s[0] : '';
    return sign + '0'.repeat(n) + s.slice(sign.length);
  }
  return ' '.repeat(n) + s;
}

const utf8 = new TextEncoder();

function hexOfBytes(bytes: Uint8Array, spec: Spec, upper: boolean): string {
  if (bytes.length === 0) return spec.width >= 0 ? pad('', spec) : '';
  const digits = upper ? '0123456789ABCDEF' : '0123456789abcdef';
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    if (spec.space && i > 0) out += ' ';
    if (spec.sharp && (spec.space || i === 0)) out += upper ? '0X' : '0x';
    out += digits[bytes[i] >> 4] + digits[bytes[i] & 15];
  }
  return out;
}

function formatString(s: string, spec: Spec): string {
  switch (spec.verb) {
    case 'v':
      if (spec.sharpV) return pad(quoteGo(s), spec);
      return pad(truncateRunes(s, spec.prec), spec);
    case 's':
      return pad(truncateRunes(s, spec.prec), spec);
    case 'q': {
      const t = truncateRunes(s, spec.prec);
      if (spec.sharp && !t.includes('`') && !/[\x00-\x08\x0a-\x1f\x7f]/.test(t)) return pad('`' + t + '`', spec);
      return pad(quoteGo(t, spec.plus), spec);
    }
    case 'x': case 'X': {
      let bytes = utf8.encode(s);
      if (spec.prec >= 0 && bytes.length > spec.prec) bytes = bytes.slice(0, spec.prec);
      return pad(hexOfBytes(bytes, spec, spec.verb === 'X'), spec);
    }
    default:
      return badVerb(s, spec);
  }
}

function truncateRunes(s: string, prec: number): string {
  if (prec < 0) return s;
  let i = 0;
  let n = 0;
  while (i < s.length && n < prec) {
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    n++;
  }
  return s.slice(0, i);
}

function formatInteger(n: bigint, unsigned: boolean, spec: Spec): string {
  const verb = spec.verb;
  switch (verb) {
    case 'c': return pad(String.fromCodePoint(validRune(n)), spec);
    case 'q': return pad(quoteChar(n < 0n || n > 0x10ffffn ? -1 : Number(n), spec.plus), spec);
    case 'U': {
      let hex = BigInt.asUintN(64, n).toString(16).toUpperCase();
      if (spec.prec >= 0 && hex.length < spec.prec) hex = hex.padStart(spec.prec, '0');
      else if (hex.length < 4) hex = hex.padStart(4, '0');
      let out = 'U+' + hex;
      if (spec.sharp && n >= 0n && n <= 0x10ffffn) out += " '" + String.fromCodePoint(Number(n)) + "'";
      return pad(out, spec, false);
    }
    default:
      break;
  }
  let base = 10;
  switch (verb) {
    case 'v': case 'd': break;
    case 'b': base = 2; break;
    case 'o': case 'O': base = 8; break;
    case 'x': case 'X': base = 16; break;
    default: return badVerb(unsigned ? n : n, spec);
  }
  const neg = n < 0n;
  let digits = (neg ? -n : n).toString(base);
  if (verb === 'X') digits = digits.toUpperCase();
  if (spec.prec >= 0) {
    if (spec.prec === 0 && n === 0n) digits = '';
    else if (digits.length < spec.prec) digits = digits.padStart(spec.prec, '0');
  } else if (spec.zero && !spec.minus && spec.width > 0) {
    let extra = neg || spec.plus || spec.space ? 1 : 0;
    if (spec.sharp && base === 16) extra += 2;
    if (spec.sharp && base === 2) extra += 2;
    if (verb === 'O') extra += 2;
    if (digits.length < spec.width - extra) digits = digits.padStart(spec.width - extra, '0');
  }
  if (spec.sharp) {
    if (base === 8 && digits[0] !== '0') digits = '0' + digits;
    else if (base === 16) digits = (verb === 'X' ? '0X' : '0x') + digits;
    else if (base === 2) digits = '0b' + digits;
  }
  if (verb === 'O') digits = '0o' + digits;
  const sign = neg ? '-' : spec.plus ? '+' : spec.space ? ' ' : '';
  return pad(sign + digits, spec, false);
}

function validRune(n: bigint): number {
  if (n < 0n || n > 0x10ffffn || (n >= 0xd800n && n <= 0xdfffn)) return 0xfffd;
  return Number(n);
}

function formatFloatVerb(x: number, bitSize: 32 | 64, spec: Spec, original: Value): string {
  let fmtChar: 'e' | 'E' | 'f' | 'g' | 'G';
  let prec = spec.prec;
  switch (spec.verb) {
    case 'v': case 'g': fmtChar = 'g'; break;
    case 'G': fmtChar = 'G'; break;
    case 'e': case 'E': fmtChar = spec.verb; if (prec < 0) prec = 6; break;
    case 'f': case 'F': fmtChar = 'f'; if (prec < 0) prec = 6; break;
    case 'x': case 'X': {
      let hex = hexFloat(x, spec.verb === 'X', prec);
      if (spec.sharp && Number.isFinite(x)) hex = sharpFloat(hex, spec.verb, prec);
      return pad(signFloat(hex, spec), spec, Number.isFinite(x));
    }
    case 'b': return pad(binaryFloat(x), spec);
    default: return badVerb(original, spec);
  }
  let num = formatFloat(x, fmtChar, prec, bitSize);
  if (spec.sharp && Number.isFinite(x)) num = sharpFloat(num, spec.verb, prec);
  return pad(signFloat(num, spec), spec, Number.isFinite(x));
}

function signFloat(num: string, spec: Spec): string {
  if (num[0] !== '-' && num[0] !== '+') {
    if (spec.plus) return '+' + num;
    if (spec.space) return ' ' + num;
  } else if (num[0] === '+' && !spec.plus) {
    return spec.space ? ' ' + num.slice(1) : num.slice(1);
  }
  return num;
}

/** fmt's '#' flag for floats: always a decimal point; %g/%x keep trailing zeros up to the precision. */
function sharpFloat(num: string, verb: string, prec: number): string {
  let digits = 0;
  if (verb === 'v' || verb === 'g' || verb === 'G' || verb === 'x') digits = prec === -1 ? 6 : prec;
  const sign = num[0] === '-' || num[0] === '+' ? num[0] : '';
  let body = num.slice(sign.length);
  let tail = '';
  let hasPoint = false;
  let sawNonzero = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '.') {
      hasPoint = true;
    } else if (c === 'p' || c === 'P' || ((c === 'e' || c === 'E') && verb !== 'x' && verb !== 'X')) {
      tail = body.slice(i);
      body = body.slice(0, i);
      break;
    } else {
      if (c !== '0') sawNonzero = true;
      if (sawNonzero) digits--;
    }
  }
  if (!hasPoint) {
    if (body === '0') digits--;
    body += '.';
  }
  while (digits > 0) {
    body += '0';
    digits--;
  }
  return sign + body + tail;
}

function hexFloat(x: number, upper: boolean, prec: number): string {
  if (!Number.isFinite(x)) return formatFloat(x, 'g', -1);
  if (x === 0) return (Object.is(x, -0) ? '-' : '') + (upper ? '0X0P+00' : '0x0p+00');
  const neg = x < 0;
  let a = Math.abs(x);
  let exp = Math.floor(Math.log2(a));
  a = a / 2 ** exp;
  while (a >= 2) { a /= 2; exp++; }
  while (a < 1) { a *= 2; exp--; }
  let frac = (a - 1).toString(16).slice(2);
  if (prec >= 0) frac = frac.slice(0, prec).padEnd(prec, '0');
  frac = frac.replace(/0+$/, prec >= 0 ? frac.slice(frac.search(/0+$/)) : '');
  const mant = '1' + (frac ? '.' + frac : '');
  const e = (exp < 0 ? '-' : '+') + String(Math.abs(exp)).padStart(2, '0');
  const out = (neg ? '-' : '') + '0x' + mant + 'p' + e;
  return upper ? out.toUpperCase() : out;
}

function binaryFloat(x: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp = biased - 1075;
  if (biased === 0) exp = -1074;
  else mant |= 1n << 52n;
  return (hi >>> 31 ? '-' : '') + mant.toString() + 'p' + (exp >= 0 ? '+' : '') + exp;
}

function badVerb(v: Value, spec: Spec): string {
  if (v === null || v === undefined) return '%!' + spec.verb + '(<nil>)';
  // Go keeps width, precision and flags when printing the operand of a bad verb.
  const inner: Spec = { ...spec, verb: 'v' };
  return '%!' + spec.verb + '(' + typeName(v) + '=' + formatArg(v, inner, 0) + ')';
}

/** Go-syntax representation (%#v). */
function formatSharpV(v: Value, depth: number): string {
  if (v === null || v === undefined) return depth === 0 ? '<nil>' : 'interface {}(nil)';
  switch (typeof v) {
    case 'string': return quoteGo(v);
    case 'number': return formatFloat64(v);
    case 'bigint': return v.toString();
    case 'boolean': return v ? 'true' : 'false';
    default: break;
  }
  if (v instanceof GoNumber) {
    if (!v.isInteger) return formatFloat(v.value as number, 'g', -1, 32);
    return v.isUnsigned ? '0x' + (v.value as bigint).toString(16) : v.value.toString();
  }
  if (v instanceof Uint8Array) return '[]byte{' + Array.from(v, (b) => '0x' + b.toString(16)).join(', ') + '}';
  if (Array.isArray(v)) return typeName(v) + '{' + v.map((e) => formatSharpV(e, depth + 1)).join(', ') + '}';
  if (v instanceof GoObject) {
    const s = v.goString();
    if (v.goKind === 'map') return sharpMap(v.goType, v.goMap() ?? {}, depth);
    if (v.goKind === 'slice') return v.goType + '{' + (v.goSlice() ?? []).map((e) => formatSharpV(e, depth + 1)).join(', ') + '}';
    if (v.goKind === 'struct') {
      const pointer = v.goType.startsWith('*');
      const body = v.goFields().map(([k, e]) => k + ':' + formatSharpV(e, depth + 1)).join(', ');
      return (pointer ? '&' + v.goType.slice(1) : v.goType) + '{' + body + '}';
    }
    return s !== undefined ? quoteGo(s) : v.goType;
  }
  if (isGoMap(v)) return sharpMap(typeName(v), v, depth);
  return '(' + typeName(v) + ')(' + FAKE_POINTER + ')';
}

function sharpMap(type: string, m: GoMap, depth: number): string {
  return type + '{' + sortedKeys(m).map((k) => quoteGo(k) + ':' + formatSharpV(m[k], depth + 1)).join(', ') + '}';
}

function formatArg(v: Value, spec: Spec, depth: number): string {
  if (spec.verb === 'T') return pad(truncateRunes(typeName(v), spec.prec), spec);
  if (spec.sharpV) return pad(formatSharpV(v, depth), spec, false);
  if (v === null || v === undefined) {
    if (depth > 0) return '<nil>';
    if (spec.verb === 'v') return pad('<nil>', spec, false);
    return badVerb(v, spec);
  }
  if (spec.verb === 'p') return pad('%!p(' + typeName(v) + '=' + formatValue(v) + ')', spec);
  switch (typeof v) {
    case 'boolean':
      if (spec.verb === 'v' || spec.verb === 't') return pad(v ? 'true' : 'false', spec);
      return badVerb(v, spec);
    case 'string':
      return formatString(v, spec);
    case 'number':
      return formatFloatVerb(v, 64, spec, v);
    case 'bigint':
      return formatInteger(v, false, spec);
    default:
      break;
  }
  if (v instanceof GoNumber) {
    if (v.isInteger) return formatInteger(v.value as bigint, v.isUnsigned, spec);
    return formatFloatVerb(v.value as number, 32, spec, v);
  }
  if (v instanceof Uint8Array) {
    switch (spec.verb) {
      case 's': return pad(truncateRunes(new TextDecoder().decode(v), spec.prec), spec);
      case 'q': return formatString(new TextDecoder().decode(v), spec);
      case 'x': case 'X': return pad(hexOfBytes(v, spec, spec.verb === 'X'), spec);
      default: {
        const parts = Array.from(v, (b) => formatInteger(BigInt(b), true, spec));
        return '[' + parts.join(' ') + ']';
      }
    }
  }
  if (Array.isArray(v)) {
    return '[' + v.map((e) => formatArg(e, spec, depth + 1)).join(' ') + ']';
  }
  if (v instanceof GoObject && v.goKind === 'func') {
    return spec.verb === 'v' ? pad('<nil>', spec) : '%!' + spec.verb + '(' + v.goType + '=<nil>)';
  }
  if (v instanceof GoObject && v.goKind === 'string') {
    const text = v.goString() ?? '';
    return spec.verb === 'v' || spec.verb === 's' || spec.verb === 'q' || spec.verb === 'x' || spec.verb === 'X' ? formatString(text, spec) : badVerb(v, spec);
  }
  if (v instanceof GoObject) {
    const s = v.goString();
    if (s !== undefined && (spec.verb === 'v' || spec.verb === 's' || spec.verb === 'q' || spec.verb === 'x' || spec.verb === 'X')) {
      return formatString(s, spec);
    }
    if (v.goKind === 'map') return formatMapArg(v.goMap() ?? {}, spec, depth);
    if (v.goKind === 'slice' || v.goKind === 'array') return '[' + (v.goSlice() ?? []).map((e) => formatArg(e, spec, depth + 1)).join(' ') + ']';
    const pointer = v.goType.startsWith('*');
    if (pointer && depth > 0) return pad(FAKE_POINTER, spec);
    const body = v.goFields().map(([k, val]) => (spec.plusV ? k + ':' : '') + formatArg(val, spec, depth + 1)).join(' ');
    return (pointer ? '&{' : '{') + body + '}';
  }
  if (isGoMap(v)) return formatMapArg(v, spec, depth);
  // A func value: Go prints its address for %v and rejects string-like verbs.
  if (spec.verb === 'v' || spec.verb === 'p') return pad(FAKE_POINTER, spec);
  return '%!' + spec.verb + '(' + typeName(v) + '=' + FAKE_POINTER + ')';
}


function formatMapArg(m: GoMap, spec: Spec, depth: number): string {
  let out = 'map[';
  let first = true;
  for (const k of sortedKeys(m)) {
    if (!first) out += ' ';
    first = false;
    out += formatArg(k, spec, depth + 1) + ':' + formatArg(m[k], spec, depth + 1);
  }
  return out + ']';
}

function intArg(v: Value): number | undefined {
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof GoNumber && v.isInteger) return Number(v.value);
  return undefined;
}

function isDigit(format: string, k: number): boolean {
  const c = format.charCodeAt(k);
  return c >= 48 && c <= 57;
}

interface ArgIndex {
  num: number;
  i: number;
  found: boolean;
  good: boolean;
  reordered: boolean;
}

/** Go's argNumber: an explicit 1-based [n] argument index at `at`, if any. */
function argNumber(format: string, at: number, argNum: number, numArgs: number): ArgIndex {
  if (at >= format.length || format[at] !== '[') return { num: argNum, i: at, found: false, good: true, reordered: false };
  const close = format.indexOf(']', at + 1);
  if (format.length - at < 3 || close < 0) return { num: argNum, i: at + 1, found: false, good: false, reordered: true };
  const digits = format.slice(at + 1, close);
  if (!/^[0-9]+$/.test(digits)) return { num: argNum, i: close + 1, found: false, good: false, reordered: true };
  const index = Number(digits) - 1;
  if (index >= 0 && index < numArgs) return { num: index, i: close + 1, found: true, good: true, reordered: true };
  return { num: argNum, i: close + 1, found: true, good: false, reordered: true };
}

/** fmt.Sprintf with Go's verbs, flags, width, precision, `*`, `%[n]` and the %!verb(type=value) errors. */
export function sprintf(format: string, args: readonly Value[]): string {
  let out = '';
  let argNum = 0;
  let reordered = false;
  let i = 0;
  const end = format.length;
  while (i < end) {
    const pct = format.indexOf('%', i);
    if (pct < 0) {
      out += format.slice(i);
      break;
    }
    if (pct > i) out += format.slice(i, pct);
    i = pct + 1;
    let goodArgNum = true;
    const spec: Spec = { minus: false, plus: false, sharp: false, space: false, zero: false, width: -1, prec: -1, verb: '', plusV: false, sharpV: false };
    flags: for (; i < end; i++) {
      switch (format[i]) {
        case '#': spec.sharp = true; break;
        case '0': spec.zero = !spec.minus; break;
        case '+': spec.plus = true; break;
        case '-': spec.minus = true; spec.zero = false; break;
        case ' ': spec.space = true; break;
        default: break flags;
      }
    }
    let a = argNumber(format, i, argNum, args.length);
    if (a.reordered) reordered = true;
    argNum = a.num;
    i = a.i;
    let afterIndex = a.found;
    if (!a.good) goodArgNum = false;
    // Width.
    if (format[i] === '*') {
      i++;
      const w = argNum < args.length ? intArg(args[argNum]) : undefined;
      if (argNum < args.length) argNum++;
      if (w === undefined) {
        out += '%!(BADWIDTH)';
      } else {
        spec.width = w;
        if (w < 0) {
          spec.minus = true;
          spec.zero = false;
          spec.width = -w;
        }
      }
      afterIndex = false;
    } else {
      const start = i;
      while (isDigit(format, i)) i++;
      if (i > start) {
        spec.width = Number(format.slice(start, i));
        if (afterIndex) goodArgNum = false;
      }
    }
    // Precision.
    if (i + 1 < end && format[i] === '.') {
      i++;
      if (afterIndex) goodArgNum = false;
      a = argNumber(format, i, argNum, args.length);
      if (a.reordered) reordered = true;
      argNum = a.num;
      i = a.i;
      afterIndex = a.found;
      if (!a.good) goodArgNum = false;
      if (format[i] === '*') {
        i++;
        const p = argNum < args.length ? intArg(args[argNum]) : undefined;
        if (argNum < args.length) argNum++;
        if (p === undefined || p < 0) {
          out += '%!(BADPREC)';
        } else {
          spec.prec = p;
        }
        afterIndex = false;
      } else {
        const start = i;
        while (isDigit(format, i)) i++;
        spec.prec = i > start ? Number(format.slice(start, i)) : 0;
      }
    }
    if (!afterIndex) {
      a = argNumber(format, i, argNum, args.length);
      if (a.reordered) reordered = true;
      argNum = a.num;
      i = a.i;
      if (!a.good) goodArgNum = false;
    }
    if (i >= end) {
      out += '%!(NOVERB)';
      break;
    }
    const cp = format.codePointAt(i) ?? 0;
    const verb = String.fromCodePoint(cp);
    i += verb.length;
    spec.verb = verb;
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (!goodArgNum) {
      out += '%!' + verb + '(BADINDEX)';
      continue;
    }
    if (argNum >= args.length) {
      out += '%!' + verb + '(MISSING)';
      continue;
    }
    if (verb === 'v') {
      if (spec.sharp) {
        spec.sharp = false;
        spec.sharpV = true;
      }
      if (spec.plus) {
        spec.plus = false;
        spec.plusV = true;
      }
    }
    out += formatArg(args[argNum++], spec, 0);
  }
  if (!reordered && argNum < args.length) {
    out += '%!(EXTRA ';
    for (let k = argNum; k < args.length; k++) {
      if (k > argNum) out += ', ';
      const v = args[k];
      out += v === null || v === undefined ? '<nil>' : typeName(v) + '=' + formatValue(v);
    }
    out += ')';
  }
  return out;
}
