// sigs.k8s.io/yaml.Unmarshal as Helm's fromYaml uses it: YAML 1.1 scalars
// (yes/no/on/off are booleans, 0777 is octal), then a JSON round trip, so every
// number is a float64 and every map key a string. Timestamps stay strings.
import { parseAllDocuments, isMap, isScalar, isSeq, isAlias, type Node, type Document } from 'yaml';
import type { Value } from '../../lang/value.js';
import { formatFloatG } from './go-float.js';

/** A YAML error worded like sigs.k8s.io/yaml (`error converting YAML to JSON: yaml: line N: ...`). */
export class YamlToJsonError extends Error {}

const droppedTags = new Set(['tag:yaml.org,2002:timestamp', 'tag:yaml.org,2002:binary', 'tag:yaml.org,2002:omap',
  'tag:yaml.org,2002:pairs', 'tag:yaml.org,2002:set']);

function keyString(key: unknown): string {
  if (typeof key === 'string') return key;
  if (typeof key === 'boolean') return key ? 'true' : 'false';
  if (typeof key === 'bigint') return key.toString();
  if (typeof key === 'number') {
    if (Number.isInteger(key)) return String(key);
    const text = formatFloatG(Math.fround(key));
    return text === '+Inf' ? '.inf' : text === '-Inf' ? '-.inf' : text === 'NaN' ? '.nan' : text;
  }
  if (key === null) return 'null';
  return String(key);
}

function convert(node: Node | null | undefined, doc: Document, depth: number): Value {
  if (depth > 10000) throw new YamlToJsonError('error converting YAML to JSON: yaml: exceeded max depth');
  if (node === null || node === undefined) return null;
  if (isAlias(node)) {
    const target = node.resolve(doc) as Node | undefined;
    if (target === undefined) throw new YamlToJsonError(`error converting YAML to JSON: yaml: unknown anchor '${node.source}' referenced`);
    return convert(target, doc, depth + 1);
  }
  if (isScalar(node)) {
    const v = node.value;
    if (typeof v === 'bigint') return Number(v);
    if (typeof v === 'number') return Number.isFinite(v) ? v : v;
    if (v instanceof Date) return node.source ?? v.toISOString();
    if (v === undefined) return null;
    return v as Value;
  }
  if (isSeq(node)) return node.items.map((item) => convert(item as Node, doc, depth + 1));
  if (isMap(node)) {
    const out: Record<string, Value> = {};
    for (const pair of node.items) {
      const keyNode = pair.key as Node | null;
      const rawKey = isScalar(keyNode) ? keyNode.value : keyNode === null ? null : convert(keyNode, doc, depth + 1);
      if (typeof rawKey === 'symbol' || (rawKey === '<<' && isScalar(keyNode) && keyNode.type === 'PLAIN')) {
        mergeInto(out, convert(pair.value as Node, doc, depth + 1));
        continue;
      }
      Object.defineProperty(out, keyString(rawKey), {
        value: convert(pair.value as Node, doc, depth + 1), enumerable: true, writable: true, configurable: true,
      });
    }
    return out;
  }
  return null;
}

function mergeInto(target: Record<string, Value>, source: Value): void {
  const sources = Array.isArray(source) ? source : [source];
  for (const s of sources) {
    if (s === null || typeof s !== 'object' || Array.isArray(s)) continue;
    for (const [k, v] of Object.entries(s)) if (!Object.hasOwn(target, k)) target[k] = v;
  }
}

interface YamlProblem {
  code: string;
  message: string;
  pos: [number, number];
  linePos?: [{ line: number; col: number }, ...unknown[]];
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

/** libyaml's wording (as yaml.v2 reports it) for the parse problems charts run into. */
function libyamlProblem(text: string, error: YamlProblem): { line: number; message: string } {
  const line = error.linePos?.[0].line ?? lineAt(text, error.pos[0]);
  const { code, message } = error;
  if (code === 'BLOCK_AS_IMPLICIT_KEY') {
    const colon = /:(?=[ \t\n]|$)/g;
    colon.lastIndex = error.pos[0];
    const next = colon.exec(text);
    return { line: next === null ? line : lineAt(text, next.index), message: 'mapping values are not allowed in this context' };
  }
  if (code === 'MISSING_CHAR' && /quote/.test(message)) return { line: lineAt(text, text.length), message: 'found unexpected end of stream' };
  if (code === 'MISSING_CHAR' && /Flow sequence/.test(message)) return { line, message: "did not find expected ',' or ']'" };
  if (code === 'MISSING_CHAR' && /Flow map/.test(message)) return { line, message: "did not find expected ',' or '}'" };
  if (code === 'BAD_INDENT' && /^Flow (sequence|map)/.test(message)) return { line, message: 'did not find expected node content' };
  if (code === 'BAD_INDENT' || code === 'MULTILINE_IMPLICIT_KEY' || code === 'MISSING_SEQ_ENTRY') return { line, message: 'did not find expected key' };
  if (code === 'UNEXPECTED_TOKEN' && /node end/.test(message)) return { line, message: "did not find expected '-' indicator" };
  if (code === 'TAB_AS_INDENT' || code === 'BAD_SCALAR_START') return { line, message: 'found character that cannot start any token' };
  return { line, message: message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '') };
}

/** Parses YAML like sigs.k8s.io/yaml.Unmarshal into interface{}; throws YamlToJsonError. Empty input gives null. */
export function parseYamlLikeHelm(text: string): Value {
  const docs = parseAllDocuments(text, {
    version: '1.1',
    uniqueKeys: false,
    merge: true,
    customTags: (tags) => tags.filter((t) => {
      const tag = t as { tag: string; format?: string };
      return !droppedTags.has(tag.tag) && tag.format !== 'TIME';
    }),
  });
  const list = Array.isArray(docs) ? docs : [docs];
  if (list.length === 0) return null;
  const doc = list[0];
  if (doc.errors.length > 0) {
    const { line, message } = libyamlProblem(text, doc.errors[0] as unknown as YamlProblem);
    throw new YamlToJsonError(`error converting YAML to JSON: yaml: line ${line}: ${message}`);
  }
  return convert(doc.contents as Node | null, doc, 0);
}
