// Reads YAML the way Helm does (sigs.k8s.io/yaml: yaml.v2 -> JSON -> encoding/json):
// YAML 1.1 scalars (`yes`/`on`/`y` are booleans, `0777` is octal, `1_000` is 1000),
// timestamps stay strings, every number becomes a float64 (a JS number), and
// non-string keys become their string form.
import YAML, { type Tags } from 'yaml';

/** A YAML problem with yaml.v2's wording and a 1-based line. */
export class YamlSyntaxProblem extends Error {
  constructor(readonly line: number, readonly detail: string) {
    super(`error converting YAML to JSON: yaml: line ${line}: ${detail}`);
  }
}

const droppedTags = new Set(['tag:yaml.org,2002:timestamp', 'tag:yaml.org,2002:omap', 'tag:yaml.org,2002:pairs', 'tag:yaml.org,2002:set']);

function yamlV2Tags(tags: Tags): Tags {
  return tags.filter((tag) => {
    if (typeof tag !== 'object' || tag === null) return true;
    const t = tag as { tag: string; format?: string };
    if (droppedTags.has(t.tag)) return false;
    return t.format !== 'TIME';
  });
}

const parseOptions = {
  version: '1.1' as const, merge: true, uniqueKeys: false, customTags: yamlV2Tags,
  prettyErrors: true, strict: false,
};

function yamlV2Message(code: string, message: string): string {
  switch (code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
      return 'mapping values are not allowed in this context';
    case 'TAB_AS_INDENT':
      return 'found character that cannot start any token';
    case 'MULTILINE_IMPLICIT_KEY':
    case 'MISSING_CHAR':
      return "could not find expected ':'";
    case 'BAD_INDENT':
      return 'did not find expected key';
    case 'BAD_ALIAS': {
      const name = /alias[^*]*\*?(\S+)/.exec(message)?.[1];
      return name ? `unknown anchor '${name.replace(/[:.]$/, '')}' referenced` : 'found undefined alias';
    }
    default:
      if (/Nested mappings are not allowed/.test(message)) return 'mapping values are not allowed in this context';
      if (/Implicit keys need to be on a single line/.test(message)) return "could not find expected ':'";
      return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  }
}

/** Converts a parsed YAML tree to the JSON-shaped values Helm sees (float64 numbers, string keys). */
function toHelmJson(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Uint8Array) {
    // encoding/json marshals []byte as base64; Helm then reads it back as a string.
    let text = '';
    for (const byte of value) text += String.fromCharCode(byte);
    return btoa(text);
  }
  if (Array.isArray(value)) return value.map(toHelmJson);
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of value) out[keyString(key)] = toHelmJson(item);
    return out;
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) out[key] = toHelmJson(item);
    return out;
  }
  return value;
}

function keyString(key: unknown): string {
  if (key === null || key === undefined) return 'null';
  if (typeof key === 'object' && key !== null && 'value' in key) return keyString((key as { value: unknown }).value);
  return String(key);
}

/** Parses one YAML document into Helm's JSON-shaped value; throws YamlSyntaxProblem. */
export function parseHelmYaml(text: string): unknown {
  const doc = YAML.parseDocument(text, { ...parseOptions, keepSourceTokens: false });
  const error = doc.errors[0];
  if (error) {
    const line = error.linePos?.[0]?.line ?? 1;
    throw new YamlSyntaxProblem(line, yamlV2Message(error.code, error.message));
  }
  return toHelmJson(doc.toJS({ mapAsMap: true, maxAliasCount: 10000 }));
}

/** Parses a values document: an empty document is an empty map; anything but a map is an error. */
export function parseValuesYaml(text: string): Record<string, unknown> {
  const value = parseHelmYaml(text);
  if (value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    const goType = Array.isArray(value) ? '[]interface {}' : typeof value === 'string' ? 'string' : typeof value === 'boolean' ? 'bool' : 'float64';
    throw new Error(`error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${goType === 'string' ? 'string' : goType === 'bool' ? 'bool' : goType === 'float64' ? 'number' : 'array'} into Go value of type map[string]interface {}`);
  }
  return value as Record<string, unknown>;
}
