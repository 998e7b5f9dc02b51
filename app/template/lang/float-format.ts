// strconv.FormatFloat for 'e', 'E', 'f', 'g', 'G' (bitSize 64 and 32): the
// digits Go prints. Shortest digits come from the JS engine (also shortest
// round-trip); fixed precisions round the exact binary value half-to-even, as
// Go's decimal rounding does, which toFixed/toExponential do not.

/** A decimal: value = 0.digits * 10^dp, digits without trailing zeros. */
interface Decimal {
  digits: string;
  dp: number;
}

const view = new DataView(new ArrayBuffer(8));

function exactDecimal(x: number): Decimal {
  if (x === 0) return { digits: '', dp: 0 };
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp: number;
  if (biased === 0) {
    exp = -1074;
  } else {
    mant |= 1n << 52n;
    exp = biased - 1075;
  }
  let digits: string;
  let dp: number;
  if (exp >= 0) {
    digits = (mant << BigInt(exp)).toString();
    dp = digits.length;
  } else {
    const k = -exp;
    digits = (mant * 5n ** BigInt(k)).toString();
    dp = digits.length - k;
  }
  return trimDecimal(digits, dp);
}

function trimDecimal(digits: string, dp: number): Decimal {
  let start = 0;
  while (start < digits.length && digits.charCodeAt(start) === 48) start++;
  let end = digits.length;
  while (end > start && digits.charCodeAt(end - 1) === 48) end--;
  return { digits: digits.slice(start, end), dp: dp - start };
}

function shortestDecimal(x: number, bitSize: 32 | 64): Decimal {
  if (x === 0) return { digits: '', dp: 0 };
  let s: string;
  if (bitSize === 32) {
    s = '';
    for (let p = 1; p <= 9; p++) {
      s = x.toExponential(p - 1);
      if (Math.fround(Number(s)) === x) break;
    }
  } else {
    s = x.toExponential();
  }
  const e = s.indexOf('e');
  const mantissa = s.slice(0, e).replace('.', '');
  return trimDecimal(mantissa, Number(s.slice(e + 1)) + 1);
}

/** Rounds to nd significant digits, halfway cases to even (Go's decimal.Round). */
function roundDecimal(d: Decimal, nd: number): Decimal {
  if (nd < 0 || nd >= d.digits.length) return d;
  const next = d.digits.charCodeAt(nd);
  let up: boolean;
  if (next === 53 /* '5' */ && nd + 1 === d.digits.length) {
    up = nd > 0 && (d.digits.charCodeAt(nd - 1) - 48) % 2 === 1;
  } else {
    up = next >= 53;
  }
  if (!up) return trimDecimal(d.digits.slice(0, nd), d.dp);
  const chars = d.digits.slice(0, nd).split('');
  let i = nd - 1;
  while (i >= 0 && chars[i] === '9') i--;
  if (i < 0) return { digits: '1', dp: d.dp + 1 };
  chars[i] = String.fromCharCode(chars[i].charCodeAt(0) + 1);
  return trimDecimal(chars.slice(0, i + 1).join(''), d.dp);
}

function fmtE(neg: boolean, d: Decimal, prec: number, fmt: 'e' | 'E'): string {
  let out = neg ? '-' : '';
  out += d.digits.length ? d.digits[0] : '0';
  if (prec > 0) {
    out += '.';
    let i = 1;
    const m = Math.min(d.digits.length, prec + 1);
    if (i < m) {
      out += d.digits.slice(i, m);
      i = m;
    }
    for (; i <= prec; i++) out += '0';
  }
  out += fmt;
  let exp = d.dp - 1;
  if (d.digits.length === 0) exp = 0;
  if (exp < 0) {
    out += '-';
    exp = -exp;
  } else {
    out += '+';
  }
  out += exp < 10 ? '0' + exp : String(exp);
  return out;
}

function fmtF(neg: boolean, d: Decimal, prec: number): string {
  let out = neg ? '-' : '';
  if (d.dp > 0) {
    const m = Math.min(d.digits.length, d.dp);
    out += d.digits.slice(0, m);
    for (let i = m; i < d.dp; i++) out += '0';
  } else {
    out += '0';
  }
  if (prec > 0) {
    out += '.';
    for (let i = 1; i <= prec; i++) {
      const j = d.dp + i - 1;
      out += j >= 0 && j < d.digits.length ? d.digits[j] : '0';
    }
  }
  return out;
}

/**
 * strconv.FormatFloat(x, fmt, prec, bitSize) for fmt in e E f g G; prec -1
 * means the shortest representation that round-trips.
 */
export function formatFloat(x: number, fmt: 'e' | 'E' | 'f' | 'g' | 'G', prec: number, bitSize: 32 | 64 = 64): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  const neg = x < 0 || Object.is(x, -0);
  const abs = Math.abs(x);
  const shortest = prec < 0;
  let d: Decimal;
  if (shortest) {
    d = shortestDecimal(abs, bitSize);
    switch (fmt) {
      case 'e': case 'E': prec = Math.max(d.digits.length - 1, 0); break;
      case 'f': prec = Math.max(d.digits.length - d.dp, 0); break;
      default: prec = d.digits.length;
    }
  } else {
    d = exactDecimal(bitSize === 32 ? Math.fround(abs) : abs);
    switch (fmt) {
      case 'e': case 'E': d = roundDecimal(d, prec + 1); break;
      case 'f': d = roundDecimal(d, d.dp + prec); break;
      default:
        if (prec === 0) prec = 1;
        d = roundDecimal(d, prec);
    }
    if (d.digits.length === 0 && d.dp !== 0) d = { digits: '', dp: 0 };
  }
  if (fmt === 'e' || fmt === 'E') return fmtE(neg, d, prec, fmt);
  if (fmt === 'f') return fmtF(neg, d, prec);
  let eprec = prec;
  if (eprec > d.digits.length && d.digits.length >= d.dp) eprec = d.digits.length;
  if (shortest) eprec = 6;
  const exp = d.dp - 1;
  if (exp < -4 || exp >= eprec) {
    if (prec > d.digits.length) prec = d.digits.length;
    return fmtE(neg, d, prec - 1, fmt === 'g' ? 'e' : 'E');
  }
  if (prec > d.dp) prec = d.digits.length;
  return fmtF(neg, d, Math.max(prec - d.dp, 0));
}

/** Go's %v of a float64: strconv 'g' with the shortest digits (1e+06, 0.0001, 1e-05, -0). */
export function formatFloat64(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e6 && !Object.is(x, -0)) return String(x);
  return formatFloat(x, 'g', -1, 64);
}
