// encoding/json.Unmarshal into interface{}: numbers become float64 and the
// syntax errors carry Go's scanner wording, because Helm's fromJson puts the
// error text into the result ({"Error": "..."}) where templates can see it.
import type { Value } from '../lang/value.js';

/** A JSON syntax or type error worded like encoding/json. */
export class GoJsonError extends Error {}

/** Go's quoteChar for scanner errors: 'x', '\'', '"', '\n'. */
function quoteChar(c: string): string {
  if (c === "'") return `'\\''`;
  if (c === '"') return `'"'`;
  const quoted = goQuoteRune(c);
  return `'${quoted}'`;
}

function goQuoteRune(c: string): string {
  const code = c.codePointAt(0)!;
  const named: Record<number, string> = { 7: '\\a', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t', 11: '\\v', 92: '\\\\' };
  if (named[code] !== undefined) return named[code];
  if (code < 0x20 || code === 0x7f) return `\\x${code.toString(16).padStart(2, '0')}`;
  return c;
}

class Parser {
  private pos = 0;

  constructor(private readonly text: string) {}

  parseTop(): Value {
    this.skipSpace();
    const value = this.parseValue();
    this.skipSpace();
    if (this.pos < this.text.length) throw this.invalid('after top-level value');
    return value;
  }

  private invalid(context: string): GoJsonError {
    const c = String.fromCodePoint(this.text.codePointAt(this.pos)!);
    return new GoJsonError(`invalid character ${quoteChar(c)} ${context}`);
  }

  private end(): GoJsonError {
    return new GoJsonError('unexpected end of JSON input');
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && ' \t\r\n'.includes(this.text[this.pos])) this.pos++;
  }

  private parseValue(): Value {
    if (this.pos >= this.text.length) throw this.end();
    const c = this.text[this.pos];
    if (c === '{') return this.parseObject();
    if (c === '[') return this.parseArray();
    if (c === '"') return this.parseString();
    if (c === '-' || (c >= '0' && c <= '9')) return this.parseNumber();
    if (c === 't') return this.parseLiteral('true', true);
    if (c === 'f') return this.parseLiteral('false', false);
    if (c === 'n') return this.parseLiteral('null', null);
    throw this.invalid('looking for beginning of value');
  }

  private parseLiteral(word: string, value: Value): Value {
    for (let i = 1; i < word.length; i++) {
      this.pos++;
      if (this.pos >= this.text.length) throw this.end();
      if (this.text[this.pos] !== word[i]) throw this.invalid(`in literal ${word} (expecting '${word[i]}')`);
    }
    this.pos++;
    return value;
  }

  private parseNumber(): number {
    const start = this.pos;
    const digit = (): boolean => this.pos < this.text.length && this.text[this.pos] >= '0' && this.text[this.pos] <= '9';
    if (this.text[this.pos] === '-') {
      this.pos++;
      if (this.pos >= this.text.length) throw this.end();
      if (!digit()) throw this.invalid('in numeric literal');
    }
    if (this.text[this.pos] === '0') this.pos++;
    else while (digit()) this.pos++;
    if (this.text[this.pos] === '.') {
      this.pos++;
      if (this.pos >= this.text.length) throw this.end();
      if (!digit()) throw this.invalid('after decimal point in numeric literal');
      while (digit()) this.pos++;
    }
    if (this.text[this.pos] === 'e' || this.text[this.pos] === 'E') {
      this.pos++;
      if (this.text[this.pos] === '+' || this.text[this.pos] === '-') this.pos++;
      if (this.pos >= this.text.length) throw this.end();
      if (!digit()) throw this.invalid('in exponent of numeric literal');
      while (digit()) this.pos++;
    }
    return Number(this.text.slice(start, this.pos));
  }

  private parseString(): string {
    this.pos++;
    let out = '';
    for (;;) {
      if (this.pos >= this.text.length) throw this.end();
      const c = this.text[this.pos];
      if (c === '"') {
        this.pos++;
        return out;
      }
      if (c.charCodeAt(0) < 0x20) throw this.invalid('in string literal');
      if (c === '\\') {
        this.pos++;
        if (this.pos >= this.text.length) throw this.end();
        const e = this.text[this.pos];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (simple[e] !== undefined) {
          out += simple[e];
          this.pos++;
        } else if (e === 'u') {
          let hex = '';
          for (let i = 0; i < 4; i++) {
            this.pos++;
            if (this.pos >= this.text.length) throw this.end();
            if (!/[0-9a-fA-F]/.test(this.text[this.pos])) throw this.invalid('in \\u hexadecimal character escape');
            hex += this.text[this.pos];
          }
          out += String.fromCharCode(parseInt(hex, 16));
          this.pos++;
        } else throw this.invalid('in string escape code');
        continue;
      }
      out += c;
      this.pos++;
    }
  }

  private parseArray(): Value[] {
    this.pos++;
    const items: Value[] = [];
    this.skipSpace();
    if (this.pos >= this.text.length) throw this.end();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return items;
    }
    for (;;) {
      this.skipSpace();
      items.push(this.parseValue());
      this.skipSpace();
      if (this.pos >= this.text.length) throw this.end();
      const c = this.text[this.pos];
      if (c === ',') {
        this.pos++;
        continue;
      }
      if (c === ']') {
        this.pos++;
        return items;
      }
      throw this.invalid('after array element');
    }
  }

  private parseObject(): Record<string, Value> {
    this.pos++;
    const map: Record<string, Value> = {};
    this.skipSpace();
    if (this.pos >= this.text.length) throw this.end();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return map;
    }
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.text.length) throw this.end();
      if (this.text[this.pos] !== '"') throw this.invalid('looking for beginning of object key string');
      const key = this.parseString();
      this.skipSpace();
      if (this.pos >= this.text.length) throw this.end();
      if (this.text[this.pos] !== ':') throw this.invalid('after object key');
      this.pos++;
      this.skipSpace();
      const value = this.parseValue();
      Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
      this.skipSpace();
      if (this.pos >= this.text.length) throw this.end();
      const c = this.text[this.pos];
      if (c === ',') {
        this.pos++;
        continue;
      }
      if (c === '}') {
        this.pos++;
        return map;
      }
      throw this.invalid('after object key:value pair');
    }
  }
}

/** json.Unmarshal into interface{}; throws GoJsonError with Go's message. */
export function parseGoJson(text: string): Value {
  return new Parser(text).parseTop();
}

/** The JSON kind name Go's UnmarshalTypeError uses. */
export function jsonKindName(v: Value): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  return 'object';
}
