// encoding/json.Marshal for template values: byte order map keys, HTML
// escaping (toJson) or not (toRawJson), float64 text like Go, []byte as
// base64. Also the JSON tree that Helm's toYaml feeds to yaml.v2.
import {
  GoNumber, GoObject, compareGoStrings, isGoMap, type GoMap, type Value,
} from '../lang/value.js';
import { formatFloat } from '../lang/format.js';
import { formatFloatJson } from './yaml/go-float.js';

/** encoding/json's float32 text: shortest float32 digits, 'e' form outside [1e-6, 1e21). */
function float32Json(n: number): string {
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) return formatFloat(n, 'e', -1, 32).replace(/e([+-])0(\d)$/, 'e$1$2');
  return formatFloat(n, 'f', -1, 32);
}
import { base64Encode } from './encoding-base.js';

/** A JSON value as json.Marshal would produce it (numbers kept as their JSON text). */
export type JsonTree =
  | { t: 'null' }
  | { t: 'bool'; v: boolean }
  | { t: 'number'; text: string }
  | { t: 'string'; v: string }
  | { t: 'array'; items: JsonTree[] }
  | { t: 'object'; entries: Array<[string, JsonTree]> };

/** A marshal failure, worded like encoding/json. */
export class JsonMarshalError extends Error {}

/** Optional hook a GoObject implements to control its JSON form (struct json tags). */
export interface JsonConvertible {
  toJsonValue(): Value;
}

function hasJsonValue(v: object): v is JsonConvertible {
  return typeof (v as Partial<JsonConvertible>).toJsonValue === 'function';
}

/** Converts a template value to the JSON tree json.Marshal would encode. */
export function toJsonTree(value: Value, depth = 0): JsonTree {
  if (depth > 1000) throw new JsonMarshalError('json: unsupported value: encountered a cycle');
  if (value === null || value === undefined) return { t: 'null' };
  switch (typeof value) {
    case 'boolean': return { t: 'bool', v: value };
    case 'string': return { t: 'string', v: value };
    case 'bigint': return { t: 'number', text: value.toString() };
    case 'number':
      if (!Number.isFinite(value)) throw new JsonMarshalError(`json: unsupported value: ${Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf'}`);
      return { t: 'number', text: formatFloatJson(value) };
    case 'function': throw new JsonMarshalError('json: unsupported type: func(...interface {}) (interface {}, error)');
    default: break;
  }
  if (value instanceof GoNumber) {
    if (value.isInteger) return { t: 'number', text: value.value.toString() };
    const n = Number(value.value);
    if (!Number.isFinite(n)) throw new JsonMarshalError(`json: unsupported value: ${formatFloat(n, 'g', -1, 32)}`);
    return { t: 'number', text: float32Json(n) };
  }
  if (value instanceof Uint8Array) return { t: 'string', v: base64Encode(value) };
  if (Array.isArray(value)) return { t: 'array', items: value.map((item) => toJsonTree(item, depth + 1)) };
  if (value instanceof GoObject) {
    if (hasJsonValue(value)) return toJsonTree(value.toJsonValue(), depth + 1);
    const map = value.goMap();
    if (map !== undefined) return mapTree(map, depth);
    const slice = value.goSlice();
    if (slice !== undefined) return toJsonTree(slice, depth + 1);
    const fields: GoMap = {};
    for (const [name, field] of value.goFields()) fields[name] = field;
    return mapTree(fields, depth, false);
  }
  if (isGoMap(value)) return mapTree(value, depth);
  throw new JsonMarshalError('json: unsupported type');
}

function mapTree(map: GoMap, depth: number, sort = true): JsonTree {
  const keys = Object.keys(map);
  if (sort) keys.sort(compareGoStrings);
  return { t: 'object', entries: keys.map((k) => [k, toJsonTree(map[k], depth + 1)]) };
}

const shortEscapes: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

/** A JSON string literal as encoding/json writes it. */
export function jsonQuote(s: string, escapeHtml: boolean): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const code = s.charCodeAt(i);
    const short = shortEscapes[c];
    if (short !== undefined) out += short;
    else if (code < 0x20 || code === 0x2028 || code === 0x2029 || (escapeHtml && (c === '<' || c === '>' || c === '&'))) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      const next = s.charCodeAt(i + 1);
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        out += c + s[i + 1];
        i++;
      } else out += '\\ufffd';
    } else out += c;
  }
  return `${out}"`;
}

/** Serialises a JSON tree compactly (json.Marshal) or indented (json.MarshalIndent(v, "", indent)). */
export function writeJson(tree: JsonTree, escapeHtml: boolean, indent = '', level = 0): string {
  switch (tree.t) {
    case 'null': return 'null';
    case 'bool': return tree.v ? 'true' : 'false';
    case 'number': return tree.text;
    case 'string': return jsonQuote(tree.v, escapeHtml);
    case 'array': {
      if (tree.items.length === 0) return '[]';
      if (indent === '') return `[${tree.items.map((i) => writeJson(i, escapeHtml)).join(',')}]`;
      const pad = '\n' + indent.repeat(level + 1);
      return `[${tree.items.map((i) => pad + writeJson(i, escapeHtml, indent, level + 1)).join(',')}\n${indent.repeat(level)}]`;
    }
    case 'object': {
      if (tree.entries.length === 0) return '{}';
      if (indent === '') return `{${tree.entries.map(([k, v]) => `${jsonQuote(k, escapeHtml)}:${writeJson(v, escapeHtml)}`).join(',')}}`;
      const pad = '\n' + indent.repeat(level + 1);
      return `{${tree.entries.map(([k, v]) => `${pad}${jsonQuote(k, escapeHtml)}: ${writeJson(v, escapeHtml, indent, level + 1)}`).join(',')}\n${indent.repeat(level)}}`;
    }
  }
}

/** json.Marshal(v) as text; throws JsonMarshalError like Go. */
export function marshalJson(value: Value, options: { escapeHtml?: boolean; indent?: string } = {}): string {
  return writeJson(toJsonTree(value), options.escapeHtml ?? true, options.indent ?? '');
}
