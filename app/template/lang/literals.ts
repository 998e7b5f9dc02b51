// Go literal syntax used by the parser: strconv.ParseInt/ParseUint with base 0,
// strconv.ParseFloat (decimal and hex floats, underscores) and strconv.Unquote.

function lower(c: string): string {
  return c.toLowerCase();
}

/** strconv's underscoreOK: underscores only between digits (or after a base prefix). */
function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && 'box'.includes(lower(s[1]))) {
    i = 2;
    saw = '0';
    hex = lower(s[1]) === 'x';
  }
  for (; i < s.length; i++) {
    const c = s[i];
    if ((c >= '0' && c <= '9') || (hex && lower(c) >= 'a' && lower(c) <= 'f')) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

const MAX_INT64 = 9223372036854775807n;
const MAX_UINT64 = 18446744073709551615n;

/** strconv.ParseInt(s, 0, 64) (or ParseUint when unsigned); undefined on any error. */
export function parseGoInt(s: string, unsigned: boolean): bigint | undefined {
  if (s.length === 0) return undefined;
  let neg = false;
  let body = s;
  if (!unsigned && (body[0] === '+' || body[0] === '-')) {
    neg = body[0] === '-';
    body = body.slice(1);
  }
  let base = 10;
  let digits = body;
  if (body[0] === '0') {
    if (body.length >= 3 && lower(body[1]) === 'b') { base = 2; digits = body.slice(2); }
    else if (body.length >= 3 && lower(body[1]) === 'o') { base = 8; digits = body.slice(2); }
    else if (body.length >= 3 && lower(body[1]) === 'x') { base = 16; digits = body.slice(2); }
    else { base = 8; digits = body.slice(1); }
  }
  if (digits.length === 0 && base !== 8) return undefined;
  let underscores = false;
  let v = 0n;
  const b = BigInt(base);
  for (const c of digits) {
    if (c === '_') {
      underscores = true;
      continue;
    }
    const d = parseInt(c, 36);
    if (Number.isNaN(d) || d >= base) return undefined;
    v = v * b + BigInt(d);
  }
  if (underscores && !underscoreOK(body)) return undefined;
  if (unsigned) return v > MAX_UINT64 ? undefined : v;
  if (neg) return v > MAX_INT64 + 1n ? undefined : -v;
  return v > MAX_INT64 ? undefined : v;
}

/** strconv.ParseFloat(s, 64); undefined on syntax error or overflow to ±Inf. */
export function parseGoFloat(s: string): number | undefined {
  if (s.length === 0) return undefined;
  if (s.includes('_')) {
    if (!underscoreOK(s)) return undefined;
    s = s.replace(/_/g, '');
  }
  let sign = 1;
  let body = s;
  if (body[0] === '+' || body[0] === '-') {
    sign = body[0] === '-' ? -1 : 1;
    body = body.slice(1);
  }
  let v: number;
  if (/^0[xX]/.test(body)) {
    const m = /^0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?[0-9]+)$/.exec(body);
    if (!m || (m[1] === '' && (m[2] ?? '') === '')) return undefined;
    const mant = parseInt((m[1] || '0') + (m[2] ?? ''), 16);
    v = mant * 2 ** (Number(m[3]) - 4 * (m[2] ?? '').length);
  } else {
    if (!/^(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/.test(body)) return undefined;
    v = Number(body);
  }
  if (!Number.isFinite(v)) return undefined;
  return sign * v;
}

const simpleEscapes: Record<string, string> = {
  a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\',
};

/** strconv.Unquote for "..." , `...` and '...'; undefined when the syntax is invalid. */
export function unquoteGo(q: string): string | undefined {
  if (q.length < 2) return undefined;
  const quote = q[0];
  if (quote !== q[q.length - 1]) return undefined;
  const body = q.slice(1, -1);
  if (quote === '`') return body.includes('`') ? undefined : body.replace(/\r/g, '');
  if (quote !== '"' && quote !== "'") return undefined;
  if (!body.includes('\\')) {
    if (body.includes('\n') || body.includes(quote)) return undefined;
    if (quote === "'" && Array.from(body).length !== 1) return undefined;
    return body;
  }
  let out = '';
  const bytes: number[] = [];
  const flush = (): void => {
    if (bytes.length) {
      out += new TextDecoder().decode(new Uint8Array(bytes));
      bytes.length = 0;
    }
  };
  for (let i = 0; i < body.length;) {
    const c = body[i];
    if (c === quote && quote === '"') return undefined;
    if (c === '\n') return undefined;
    if (c !== '\\') {
      flush();
      const cp = body.codePointAt(i) ?? 0;
      const ch = String.fromCodePoint(cp);
      out += ch;
      i += ch.length;
      continue;
    }
    const e = body[i + 1];
    if (e === undefined) return undefined;
    i += 2;
    if (Object.hasOwn(simpleEscapes, e)) {
      flush();
      out += simpleEscapes[e];
    } else if (e === quote) {
      flush();
      out += e;
    } else if (e === 'x') {
      const h = body.slice(i, i + 2);
      if (!/^[0-9a-fA-F]{2}$/.test(h)) return undefined;
      bytes.push(parseInt(h, 16));
      i += 2;
    } else if (e >= '0' && e <= '7') {
      const o = body.slice(i - 1, i + 2);
      if (!/^[0-7]{3}$/.test(o) || parseInt(o, 8) > 255) return undefined;
      bytes.push(parseInt(o, 8));
      i += 2;
    } else if (e === 'u' || e === 'U') {
      const len = e === 'u' ? 4 : 8;
      const h = body.slice(i, i + len);
      if (!new RegExp(`^[0-9a-fA-F]{${len}}$`).test(h)) return undefined;
      const cp = parseInt(h, 16);
      if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
      flush();
      out += String.fromCodePoint(cp);
      i += len;
    } else {
      return undefined;
    }
  }
  flush();
  if (quote === "'" && Array.from(out).length !== 1) return undefined;
  return out;
}

/**
 * strconv.UnquoteChar: decodes the first (possibly escaped) character of `s`
 * for a literal quoted with `quote`; returns [code point, rest] or undefined.
 */
export function unquoteChar(s: string, quote: string): [number, string] | undefined {
  if (s.length === 0) return undefined;
  const c = s[0];
  if (c === quote && (quote === "'" || quote === '"')) return undefined;
  if (c !== '\\') {
    const cp = s.codePointAt(0) ?? 0;
    return [cp, s.slice(cp > 0xffff ? 2 : 1)];
  }
  if (s.length <= 1) return undefined;
  const e = s[1];
  let rest = s.slice(2);
  if (Object.hasOwn(simpleEscapes, e)) return [simpleEscapes[e].codePointAt(0) ?? 0, rest];
  if (e === "'" || e === '"') return e === quote ? [e.charCodeAt(0), rest] : undefined;
  let len = 0;
  let base = 16;
  if (e === 'x') len = 2;
  else if (e === 'u') len = 4;
  else if (e === 'U') len = 8;
  else if (e >= '0' && e <= '7') {
    len = 3;
    base = 8;
    rest = s.slice(1);
  } else return undefined;
  const digits = rest.slice(0, len);
  if (digits.length < len || !(base === 8 ? /^[0-7]+$/ : /^[0-9a-fA-F]+$/).test(digits)) return undefined;
  const v = parseInt(digits, base);
  if (base === 8 && v > 255) return undefined;
  if ((e === 'u' || e === 'U') && (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))) return undefined;
  return [v, rest.slice(len)];
}
