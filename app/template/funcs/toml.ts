// Helm's toToml/fromToml with BurntSushi/toml's encoder layout: direct keys
// (sorted) before sub-tables, nested tables indented two spaces per level.
import { parse as parseToml, TomlDate } from 'smol-toml';
import { GoNumber, GoObject, isGoMap, mapOf, sliceElements, type GoMap, type Value } from '../lang/value.js';
import { compareGoStrings } from '../lang/value.js';
import { formatFloatFixed } from './yaml/go-float.js';
import { GoTime, utcZone } from './go-time.js';

class TomlEncodeError extends Error {}

const quoteReplacements: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r' };

function quoted(s: string): string {
  let out = '"';
  for (const c of s) {
    const code = c.codePointAt(0)!;
    if (quoteReplacements[c] !== undefined) out += quoteReplacements[c];
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += c;
  }
  return out + '"';
}

function keyText(k: string): string {
  return /^[A-Za-z0-9_-]+$/.test(k) ? k : quoted(k);
}

function isNil(v: Value): boolean {
  return v === null || v === undefined;
}

function tableOf(v: Value): GoMap | undefined {
  if (v instanceof GoObject && v.goKind !== 'map') return undefined;
  return mapOf(v);
}

function isTableArray(v: Value): boolean {
  const items = Array.isArray(v) ? v : undefined;
  if (items === undefined || items.length === 0) return false;
  let all = true;
  for (const item of items) {
    if (isNil(item)) throw new TomlEncodeError('toml: cannot encode array with nil element');
    if (tableOf(item) === undefined) all = false;
  }
  return all;
}

function element(v: Value): string {
  if (typeof v === 'string') return quoted(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'nan';
    if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
    const text = formatFloatFixed(v);
    return text.includes('.') ? text : `${text}.0`;
  }
  if (v instanceof GoNumber) return v.isInteger ? v.value.toString() : element(Number(v.value));
  if (v instanceof GoTime) return v.format('2006-01-02T15:04:05.999999999Z07:00');
  const table = tableOf(v);
  if (table !== undefined) {
    const keys = Object.keys(table).filter((k) => !isNil(table[k])).sort(compareGoStrings);
    return `{${keys.map((k) => `${keyText(k)} = ${element(table[k])}`).join(', ')}}`;
  }
  const items = sliceElements(v ?? null);
  if (items !== undefined) {
    for (const item of items) if (isNil(item)) throw new TomlEncodeError('toml: cannot encode array with nil element');
    return `[${items.map(element).join(', ')}]`;
  }
  throw new TomlEncodeError(`toml: unsupported type: ${typeof v}`);
}

class TomlWriter {
  out = '';
  private written = false;

  write(s: string): void {
    this.out += s;
    this.written = true;
  }

  newline(): void {
    if (this.written) this.write('\n');
  }

  table(path: string[], map: GoMap): void {
    const direct: string[] = [];
    const sub: string[] = [];
    for (const k of Object.keys(map)) {
      const v = map[k];
      if (tableOf(v) !== undefined || isTableArray(v)) sub.push(k);
      else direct.push(k);
    }
    direct.sort(compareGoStrings);
    sub.sort(compareGoStrings);
    for (const k of [...direct, ...sub]) {
      const v = map[k];
      if (isNil(v)) continue;
      this.encode([...path, k], v);
    }
  }

  private encode(path: string[], v: Value): void {
    const indent = '  '.repeat(path.length - 1);
    const header = path.map(keyText).join('.');
    const table = tableOf(v);
    if (table !== undefined) {
      if (path.length === 1) this.newline();
      this.write(`${indent}[${header}]`);
      this.newline();
      this.table(path, table);
      return;
    }
    if (isTableArray(v)) {
      for (const item of v as Value[]) {
        this.newline();
        this.write(`${indent}[[${header}]]`);
        this.newline();
        this.table(path, tableOf(item)!);
      }
      return;
    }
    this.write(`${indent}${keyText(path[path.length - 1])} = ${element(v)}`);
    this.newline();
  }
}

/** Helm's toToml: BurntSushi's encoding, or the encoder's error text. */
export function toToml(v: Value): string {
  try {
    const table = tableOf(v ?? null);
    if (table === undefined) throw new TomlEncodeError('toml: top-level values must be Go maps or structs');
    const writer = new TomlWriter();
    writer.table([], table);
    return writer.out;
  } catch (error) {
    return (error as Error).message;
  }
}

function fromTomlValue(v: unknown): Value {
  if (typeof v === 'bigint') return new GoNumber('int64', v);
  if (typeof v === 'number') return Number.isInteger(v) && !Object.is(v, -0) ? new GoNumber('int64', BigInt(v)) : v;
  if (v instanceof TomlDate) {
    if (v.isDate() || v.isTime() || v.isLocal()) return v.toISOString();
    return new GoTime(BigInt(v.getTime()) * 1000000n, utcZone);
  }
  if (Array.isArray(v)) return v.map(fromTomlValue);
  if (v !== null && typeof v === 'object') {
    const out: GoMap = {};
    for (const [k, x] of Object.entries(v)) out[k] = fromTomlValue(x);
    return out;
  }
  return v as Value;
}

/** Helm's fromToml: a map, with the parse error under "Error". */
export function fromToml(text: string): GoMap {
  try {
    const parsed = fromTomlValue(parseToml(text, { integersAsBigInt: true }));
    return isGoMap(parsed) ? parsed : {};
  } catch (error) {
    return { Error: `toml: ${(error as Error).message.split('\n')[0]}` };
  }
}
