// Helm's strvals syntax (`--set`, `--set-string`, `--set-json`, `--set-file`),
// following helm.sh/helm/v3/pkg/strvals/parser.go: `a.b=c,d[0].e=f`, `{x,y}` lists,
// backslash escapes, `null` deletes, ints become int64 (sprig-like GoNumber).
import { goInt64, type GoMap, type Value } from '../lang/value.js';

const MAX_INDEX = 65536;
const MAX_NESTED_NAME_LEVEL = 30;

class EndOfInput extends Error {
  constructor() {
    super('EOF');
  }
}
class NotAList extends Error {
  constructor() {
    super('not a list');
  }
}

/** Reads a file named by a `--set-file` value; returns its content. */
export type SetFileReader = (path: string) => string;

type Reader = (text: string) => Value;

class Scanner {
  pos = 0;
  constructor(readonly chars: string[]) {}

  read(): string | undefined {
    return this.pos < this.chars.length ? this.chars[this.pos++] : undefined;
  }

  unread(): void {
    this.pos--;
  }

  rest(): string {
    return this.chars.slice(this.pos).join('');
  }

  /** Runes until one in `stop` (consumed); backslash escapes the next rune. */
  until(stop: string): { text: string; last: string | undefined; eof: boolean } {
    let text = '';
    for (;;) {
      const r = this.read();
      if (r === undefined) return { text, last: undefined, eof: true };
      if (stop.includes(r)) return { text, last: r, eof: false };
      if (r === '\\') {
        const next = this.read();
        if (next === undefined) return { text, last: undefined, eof: true };
        text += next;
      } else {
        text += r;
      }
    }
  }
}

function typedValue(text: string, forceString: boolean): Value {
  if (forceString) return text;
  const lower = text.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  if (lower === 'null') return null;
  if (text === '0') return goInt64(0n);
  if (text.length > 0 && text[0] !== '0' && /^[+-]?\d+$/.test(text)) {
    const n = BigInt(text);
    if (n >= -9223372036854775808n && n <= 9223372036854775807n) return goInt64(n);
  }
  return text;
}

function goTypeOf(v: unknown): string {
  if (Array.isArray(v)) return '[]interface {}';
  if (v === null || v === undefined) return 'nil';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'object' && v.constructor?.name === 'GoNumber') return (v as { type: string }).type;
  return 'map[string]interface {}';
}

/** Decodes one JSON value at the scanner (Go's json.Decoder.Decode); numbers are float64. */
function decodeJsonValue(scanner: Scanner): Value {
  const text = scanner.rest();
  let i = 0;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  const start = i;
  if (i >= text.length) throw new Error('unexpected end of JSON input');
  const first = text[i]!;
  if (first === '{' || first === '[') {
    let depth = 0;
    for (; i < text.length; i++) {
      const c = text[i]!;
      if (c === '"') {
        for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      } else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        depth--;
        if (depth === 0) { i++; break; }
      }
    }
    if (depth !== 0) throw new Error('unexpected EOF');
  } else if (first === '"') {
    for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    if (i >= text.length) throw new Error('unexpected EOF');
    i++;
  } else {
    const m = /^(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i));
    if (!m) throw new Error(`invalid character '${first}' looking for beginning of value`);
    i += m[0].length;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.slice(start, i));
  } catch (error) {
    throw new Error(`invalid JSON: ${(error as Error).message}`);
  }
  // Advance by code points consumed.
  scanner.pos += Array.from(text.slice(0, i)).length;
  return parsed as Value;
}

class Parser {
  constructor(readonly sc: Scanner, readonly data: GoMap, readonly reader: Reader | null) {}

  parse(): void {
    for (;;) {
      try {
        this.key(this.data, 0);
      } catch (error) {
        if (error instanceof EndOfInput) return;
        throw error;
      }
    }
  }

  private emptyValue(): boolean {
    for (;;) {
      const r = this.sc.read();
      if (r === undefined || r === ',') return true;
      if (!/\s/u.test(r)) {
        this.sc.unread();
        return false;
      }
    }
  }

  private key(data: GoMap, level: number): void {
    for (;;) {
      const { text: k, last, eof } = this.sc.until('=[,.');
      if (eof) {
        if (k.length === 0) throw new EndOfInput();
        throw new Error(`key "${k}" has no value`);
      }
      if (last === '[') {
        const index = this.keyIndex();
        let list: Value[] = [];
        if (Object.hasOwn(data, k)) {
          const existing = data[k];
          if (!Array.isArray(existing)) throw new Error(`unable to parse key: interface conversion: interface {} is ${goTypeOf(existing)}, not []interface {}`);
          list = existing;
        }
        let thrown: unknown;
        try {
          list = this.listItem(list, index, level);
        } catch (error) {
          thrown = error;
        }
        set(data, k, list);
        if (thrown) throw thrown;
        return;
      }
      if (last === '=') {
        if (this.reader === null) {
          if (this.emptyValue()) { set(data, k, null); return; }
          set(data, k, decodeJsonValue(this.sc));
          this.emptyValue();
          return;
        }
        let vl: Value[];
        try {
          vl = this.valueList();
        } catch (error) {
          if (error instanceof EndOfInput) { set(data, k, ''); throw error; }
          if (error instanceof NotAList) {
            const { text } = this.sc.until(',');
            set(data, k, this.reader(text));
            return;
          }
          throw error;
        }
        set(data, k, vl);
        return;
      }
      if (last === ',') {
        set(data, k, '');
        throw new Error(`key "${k}" has no value (cannot end with ,)`);
      }
      // last === '.'
      level++;
      if (level > MAX_NESTED_NAME_LEVEL) throw new Error(`value name nested level is greater than maximum supported nested level of ${MAX_NESTED_NAME_LEVEL}`);
      let inner: GoMap = {};
      if (Object.hasOwn(data, k)) {
        const existing = data[k];
        if (typeof existing !== 'object' || existing === null || Array.isArray(existing)) {
          throw new Error(`unable to parse key: interface conversion: interface {} is ${goTypeOf(existing)}, not map[string]interface {}`);
        }
        inner = existing as GoMap;
      }
      let thrown: unknown;
      try {
        this.key(inner, level);
      } catch (error) {
        thrown = error;
      }
      if (!thrown && Object.keys(inner).length === 0) throw new Error(`key map "${k}" has no value`);
      if (Object.keys(inner).length !== 0) set(data, k, inner);
      if (thrown) throw thrown;
      return;
    }
  }

  private keyIndex(): number {
    const { text, eof } = this.sc.until(']');
    if (eof) throw new EndOfInput();
    if (!/^[+-]?\d+$/.test(text)) throw new Error(`error parsing index: strconv.Atoi: parsing "${text}": invalid syntax`);
    return Number(text);
  }

  private listItem(list: Value[], i: number, level: number): Value[] {
    if (i < 0) throw new Error(`negative ${i} index not allowed`);
    const { text: k, last, eof } = this.sc.until('[.=');
    if (k.length > 0) throw new Error(`unexpected data at end of array index: "${k}"`);
    if (eof) throw new EndOfInput();
    if (last === '=') {
      if (this.reader === null) {
        if (this.emptyValue()) return setIndex(list, i, null);
        const value = decodeJsonValue(this.sc);
        const out = setIndex(list, i, value);
        this.emptyValue();
        return out;
      }
      let vl: Value[];
      try {
        vl = this.valueList();
      } catch (error) {
        if (error instanceof EndOfInput) return setIndex(list, i, '');
        if (error instanceof NotAList) {
          const { text } = this.sc.until(',');
          return setIndex(list, i, this.reader(text));
        }
        throw error;
      }
      return setIndex(list, i, vl);
    }
    if (last === '[') {
      const next = this.keyIndex();
      let current: Value[] = [];
      if (list.length > i && list[i] !== null && list[i] !== undefined) {
        if (!Array.isArray(list[i])) throw new Error(`unable to parse key: interface conversion: interface {} is ${goTypeOf(list[i])}, not []interface {}`);
        current = list[i] as Value[];
      }
      return setIndex(list, i, this.listItem(current, next, level));
    }
    // last === '.'
    let inner: GoMap = {};
    if (list.length > i) {
      const existing = list[i];
      if (typeof existing === 'object' && existing !== null && !Array.isArray(existing) && goTypeOf(existing) === 'map[string]interface {}') {
        inner = existing as GoMap;
      } else {
        list[i] = inner;
      }
    }
    this.key(inner, level);
    return setIndex(list, i, inner);
  }

  private valueList(): Value[] {
    const r = this.sc.read();
    if (r === undefined) throw new EndOfInput();
    if (r !== '{') {
      this.sc.unread();
      throw new NotAList();
    }
    const list: Value[] = [];
    for (;;) {
      const { text, last, eof } = this.sc.until(',}');
      if (eof) throw new Error("list must terminate with '}'");
      if (last === '}') {
        const next = this.sc.read();
        if (next !== undefined && next !== ',') this.sc.unread();
        list.push(this.reader!(text));
        return list;
      }
      list.push(this.reader!(text));
    }
  }
}

function set(data: GoMap, key: string, value: Value): void {
  if (key.length === 0) return;
  data[key] = value;
}

function setIndex(list: Value[], index: number, value: Value): Value[] {
  if (index < 0) throw new Error(`negative ${index} index not allowed`);
  if (index > MAX_INDEX) throw new Error(`index of ${index} is greater than maximum supported index of ${MAX_INDEX}`);
  while (list.length <= index) list.push(null);
  list[index] = value;
  return list;
}

function run(line: string, dest: GoMap, reader: Reader | null): GoMap {
  new Parser(new Scanner(Array.from(line)), dest, reader).parse();
  return dest;
}

/** `--set`: merges `a.b=c,...` into dest with typed values (bools, int64, null). */
export function parseSetInto(line: string, dest: GoMap): GoMap {
  return run(line, dest, (text) => typedValue(text, false));
}

/** `--set-string`: like parseSetInto, but every value stays a string. */
export function parseSetStringInto(line: string, dest: GoMap): GoMap {
  return run(line, dest, (text) => typedValue(text, true));
}

/** `--set-json`: values are JSON (numbers float64); an empty value is null. */
export function parseSetJsonInto(line: string, dest: GoMap): GoMap {
  return run(line, dest, null);
}

/** `--set-file`: each value names a file whose content becomes the string value. */
export function parseSetFileInto(line: string, dest: GoMap, readFile: SetFileReader): GoMap {
  return run(line, dest, (text) => readFile(text));
}
