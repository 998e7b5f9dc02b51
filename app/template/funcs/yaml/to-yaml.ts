// Helm's toYaml: sigs.k8s.io/yaml.Marshal = json.Marshal, then yaml.v2
// decodes that JSON (ints stay ints, floats become float64) and re-encodes
// it with natural key order, quoting and 80-column folding. toYamlPretty
// uses yaml.v3 on the Go value directly with an indent of 2.
import { GoNumber, GoObject, isGoMap, type Value } from '../../lang/value.js';
import { toJsonTree, type JsonTree } from '../go-json.js';
import { base64Encode } from '../encoding-base.js';
import { formatFloatG } from './go-float.js';
import { naturalLess } from './natural-sort.js';
import { YamlEmitter, type YamlNode } from './yaml-emitter.js';
import { isBase60Float, numberKind, resolvePlain } from './yaml-resolve.js';

function naturalCompare(a: string, b: string): number {
  return naturalLess(a, b) ? -1 : naturalLess(b, a) ? 1 : 0;
}

/** yaml.v2 encoder.stringv: plain when it reads back as a string, literal when multi-line. */
function stringNode(s: string): YamlNode {
  const canUsePlain = resolvePlain(s) === 'str' && !isBase60Float(s);
  if (s.includes('\n')) return { kind: 'scalar', value: s, style: 'literal' };
  return { kind: 'scalar', value: s, style: canUsePlain ? 'plain' : 'double' };
}

function yamlFloat(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (value === Infinity) return '.inf';
  if (value === -Infinity) return '-.inf';
  return formatFloatG(value);
}

function plain(value: string): YamlNode {
  return { kind: 'scalar', value, style: 'plain' };
}

function jsonToYamlNode(tree: JsonTree): YamlNode {
  switch (tree.t) {
    case 'null': return plain('null');
    case 'bool': return plain(tree.v ? 'true' : 'false');
    case 'string': return stringNode(tree.v);
    case 'number': {
      const n = numberKind(tree.text);
      return plain(n.kind === 'int' ? n.value.toString() : yamlFloat(n.value));
    }
    case 'array': return { kind: 'sequence', items: tree.items.map(jsonToYamlNode) };
    case 'object': {
      const entries = [...tree.entries].sort((a, b) => naturalCompare(a[0], b[0]));
      return { kind: 'mapping', entries: entries.map(([k, v]) => [stringNode(k), jsonToYamlNode(v)]) };
    }
  }
}

/** sigs.k8s.io/yaml.Marshal(v) as text (with its trailing newline); throws on JSON marshal errors. */
export function marshalYamlV2(value: Value): string {
  const node = jsonToYamlNode(toJsonTree(value));
  return new YamlEmitter({ bestWidth: 80, bestIndent: 2, yamlV3: false }).emitDocument(node);
}

/** Helm's toYaml: the YAML without its final newline, "" when the value cannot be marshalled. */
export function toYaml(value: Value): string {
  try {
    return marshalYamlV2(value).replace(/\n$/, '');
  } catch {
    return '';
  }
}

function goToYamlV3Node(value: Value, depth = 0): YamlNode {
  if (depth > 1000) throw new Error('yaml: cycle');
  if (value === null || value === undefined) return plain('null');
  switch (typeof value) {
    case 'boolean': return plain(value ? 'true' : 'false');
    case 'string': return stringNode(value);
    case 'bigint': return plain(value.toString());
    case 'number': return plain(yamlFloat(value));
    case 'function': throw new Error('cannot marshal type: func');
    default: break;
  }
  if (value instanceof GoNumber) return plain(value.isInteger ? value.value.toString() : yamlFloat(Number(value.value)));
  if (value instanceof Uint8Array) return stringNode(base64Encode(value));
  if (Array.isArray(value)) return { kind: 'sequence', items: value.map((v) => goToYamlV3Node(v, depth + 1)) };
  let map: Record<string, Value> | undefined;
  if (value instanceof GoObject) {
    map = value.goMap();
    const slice = value.goSlice();
    if (map === undefined && slice !== undefined) return goToYamlV3Node(slice, depth + 1);
    if (map === undefined) {
      map = {};
      for (const [name, field] of value.goFields()) map[name.toLowerCase()] = field;
    }
  } else if (isGoMap(value)) map = value;
  if (map === undefined) throw new Error('cannot marshal value');
  const keys = Object.keys(map).sort(naturalCompare);
  return { kind: 'mapping', entries: keys.map((k) => [stringNode(k), goToYamlV3Node(map[k], depth + 1)]) };
}

/** Helm's toYamlPretty: yaml.v3 Encoder with SetIndent(2), final newline trimmed, "" on error. */
export function toYamlPretty(value: Value): string {
  try {
    const node = goToYamlV3Node(value);
    return new YamlEmitter({ bestWidth: Number.MAX_SAFE_INTEGER, bestIndent: 2, yamlV3: true }).emitDocument(node).replace(/\n$/, '');
  } catch {
    return '';
  }
}
